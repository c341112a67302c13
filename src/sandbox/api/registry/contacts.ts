import { Router, type Request, type Response } from 'express';
import type { Identity } from '../../identity';
import type { RegistryContext } from '../context';
import { etag, maskCpr, pathId, requireIfMatch } from '../util';
import { transactionIdOf } from '../views';
import { codedError, forbidden, notFound, validationError, type FieldProblem } from './errors';
import { stableUuid } from './ids';
import { normaliseDanishMobile } from './phone';
import type { PinVerifications } from './pins';

// The contact registry as a view client meets it (§4, §4.5): the caller's own contact and its NemSMS subscription.

export interface NemSmsRecord {
  id: string;
  version: number;
  mobileNumber: string;
  verificationTime: string | null;
  confirmedDateTime: string | null;
}

export interface ContactRecord {
  id: string;
  version: number;
  createdDateTime: string;
  lastUpdated: string;
  type: 'CITIZEN' | 'COMPANY';
  /** Identities that see this contact as their own (the citizen, or the company's employees). */
  holders: string[];
  cprNumber?: string;
  cvrNumber?: string;
  registeredSince: string;
  nemSmsSubscription: NemSmsRecord | null;
}

const SEED_TIME = '2024-01-02T08:00:00.000Z';

/** One contact per citizen and one per company CVR; karl starts with a verified NemSMS number. */
export const seedContacts = (identities: readonly Identity[]): Map<string, ContactRecord> => {
  const contacts = new Map<string, ContactRecord>();
  const add = (record: ContactRecord) => contacts.set(record.id, record);
  for (const identity of identities) {
    if (identity.kind === 'citizen') {
      add({
        id: stableUuid(`contact:${identity.id}`),
        version: 0,
        createdDateTime: SEED_TIME,
        lastUpdated: SEED_TIME,
        type: 'CITIZEN',
        holders: [identity.id],
        cprNumber: identity.cpr,
        registeredSince: SEED_TIME,
        nemSmsSubscription:
          identity.id === 'karl'
            ? {
                id: stableUuid('nemsms:karl'),
                version: 1,
                mobileNumber: '20202020',
                verificationTime: SEED_TIME,
                confirmedDateTime: SEED_TIME,
              }
            : null,
      });
    } else if (identity.cvr) {
      const id = stableUuid(`contact:cvr:${identity.cvr}`);
      const existing = contacts.get(id);
      if (existing) existing.holders.push(identity.id);
      else
        add({
          id,
          version: 0,
          createdDateTime: SEED_TIME,
          lastUpdated: SEED_TIME,
          type: 'COMPANY',
          holders: [identity.id],
          cvrNumber: identity.cvr,
          registeredSince: SEED_TIME,
          nemSmsSubscription: null,
        });
    }
  }
  return contacts;
};

export const contactView = (c: ContactRecord) => ({
  id: c.id,
  version: c.version,
  transactionId: transactionIdOf(c.id, c.version),
  type: c.type,
  ...(c.cprNumber !== undefined ? { cprNumber: maskCpr(c.cprNumber) } : {}),
  ...(c.cvrNumber !== undefined ? { cvrNumber: c.cvrNumber } : {}),
  mailboxSubscription: {
    id: stableUuid(`mailboxSubscription:${c.id}`),
    version: 0,
    publicRegistrationStatus: 'REGISTERED',
    startTime: c.registeredSince,
  },
  ...(c.nemSmsSubscription ? { nemSmsSubscription: { ...c.nemSmsSubscription } } : {}),
  createdDateTime: c.createdDateTime,
  lastUpdated: c.lastUpdated,
  status: { id: stableUuid(`status:${c.id}`), version: 0, type: 'ACTIVE', changedDate: c.registeredSince.slice(0, 10) },
  eligibleForVoluntaryRegistration: false,
});

export interface ContactRoutesDeps {
  ctx: RegistryContext;
  pins: PinVerifications;
  contacts: () => Map<string, ContactRecord>;
  verifiedNumbers: (identityId: string) => Set<string>;
}

const identityOf = (res: Response): Identity => res.locals.identity as Identity;
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const createContactRoutes = ({ ctx, pins, contacts, verifiedNumbers }: ContactRoutesDeps): Router => {
  const router = Router();
  const touch = (c: ContactRecord) => {
    c.version += 1;
    c.lastUpdated = ctx.now().toISOString();
  };
  const ownContact = (req: Request, res: Response): ContactRecord => {
    const contactId = pathId(req, 'contactId');
    const contact = contacts().get(contactId);
    if (!contact) throw notFound('contact', contactId);
    if (!contact.holders.includes(identityOf(res).id)) throw forbidden();
    return contact;
  };
  const send = (res: Response, c: ContactRecord) => {
    res.setHeader('ETag', etag(c.version));
    res.json(contactView(c));
  };

  router.get('/contacts', (req, res) => {
    const identity = identityOf(res);
    const wanted = (name: string) =>
      typeof req.query[name] === 'string'
        ? (req.query[name] as string)
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
        : undefined;
    const cprs = wanted('cprNumber');
    const cvrs = wanted('cvrNumber');
    const own = [...contacts().values()].filter(
      (c) =>
        c.holders.includes(identity.id) &&
        (!cprs || (c.cprNumber !== undefined && cprs.includes(c.cprNumber))) &&
        (!cvrs || (c.cvrNumber !== undefined && cvrs.includes(c.cvrNumber))),
    );
    res.json({
      currentPage: 0,
      totalPages: own.length > 0 ? 1 : 0,
      elementsOnPage: own.length,
      totalElements: own.length,
      contacts: own.map(contactView),
    });
  });

  router.get('/contacts/:contactId', (req, res) => send(res, ownContact(req, res)));

  // Subscribe, change number (a new number is a new subscription that must be verified again) or unsubscribe
  // (leave nemSmsSubscription out), §4.5.4. Periodic re-confirmation moves confirmedDateTime forward.
  router.put('/contacts/:contactId', (req, res) => {
    const contact = ownContact(req, res);
    requireIfMatch(req, contact.version, 'Contact');
    const body: unknown = req.body;
    if (!isObject(body)) throw validationError('contact', [{ code: 'field.value.is.needed', field: 'body' }]);
    const now = ctx.now();
    const current = contact.nemSmsSubscription;
    const wanted = body.nemSmsSubscription;
    const problems: FieldProblem[] = [];

    if (wanted === undefined || wanted === null) {
      if (current) pins.drop(current.id);
      contact.nemSmsSubscription = null;
    } else {
      const raw = isObject(wanted) && typeof wanted.mobileNumber === 'string' ? wanted.mobileNumber.trim() : '';
      const field = 'nemSmsSubscription.mobileNumber';
      const mobileNumber = raw === '' ? undefined : normaliseDanishMobile(raw);
      if (raw === '') problems.push({ code: 'danish.mobile.number.needed', field });
      else if (mobileNumber === undefined)
        problems.push({ code: 'danish.mobile.number.invalid', field, rejectedValue: raw, args: [raw] });
      else if (current && current.mobileNumber === mobileNumber && isObject(wanted)) {
        const confirmed = wanted.confirmedDateTime;
        if (confirmed === null && current.confirmedDateTime !== null) {
          problems.push({
            code: 'removal.of.confirmedDateTime.not.allowed',
            field: 'nemSmsSubscription.confirmedDateTime',
          });
        } else if (typeof confirmed === 'string' && confirmed !== current.confirmedDateTime) {
          const at = Date.parse(confirmed);
          const field2 = 'nemSmsSubscription.confirmedDateTime';
          if (Number.isNaN(at) || at > now.getTime())
            problems.push({
              code: 'confirmedDateTime.can.not.be.in.the.future',
              field: field2,
              rejectedValue: confirmed,
              args: [confirmed],
            });
          else if (current.verificationTime === null)
            problems.push({
              code: 'cannot.confirm.nem.sms.for.nonexistent.verification',
              field: field2,
              rejectedValue: confirmed,
            });
          else if (current.confirmedDateTime !== null && at <= Date.parse(current.confirmedDateTime)) {
            problems.push({
              code: 'new.confirmedDateTime.must.be.after.old.confirmedDateTime',
              field: field2,
              rejectedValue: confirmed,
              args: [confirmed, current.confirmedDateTime],
            });
          } else {
            contact.nemSmsSubscription = {
              ...current,
              version: current.version + 1,
              confirmedDateTime: new Date(at).toISOString(),
            };
          }
        }
      } else {
        if (current) pins.drop(current.id);
        // §4.5.4: a number already proved elsewhere in Digital Post is verified and confirmed at once.
        const known = verifiedNumbers(identityOf(res).id).has(mobileNumber);
        const stamp = known ? now.toISOString() : null;
        const record: NemSmsRecord = {
          id: ctx.store.newId(),
          version: 0,
          mobileNumber,
          verificationTime: stamp,
          confirmedDateTime: stamp,
        };
        contact.nemSmsSubscription = record;
        if (!known) pins.issue(record.id, mobileNumber, 'nemsms');
      }
    }
    if (problems.length > 0) throw validationError('contact', problems);
    touch(contact);
    send(res, contact);
  });

  // Verify the NemSMS number with the PIN from the SMS, or order a new PIN (a body without `pin`).
  router.put('/contacts/:contactId/verifications/:subscriptionId', (req, res) => {
    const contact = ownContact(req, res);
    const subscriptionId = pathId(req, 'subscriptionId');
    if (req.get('If-Match') !== undefined) requireIfMatch(req, contact.version, 'Contact');
    const sub = contact.nemSmsSubscription;
    if (!sub || sub.id !== subscriptionId) throw notFound('nemSmsSubscription', subscriptionId);
    const body: unknown = req.body;
    const pin = isObject(body) ? body.pin : undefined;
    if (pin === undefined || pin === null || pin === '') {
      if (sub.verificationTime !== null) throw codedError(400, 'verification', 'verification.not.in.verifying.state');
      pins.issue(sub.id, sub.mobileNumber, 'nemsms');
      send(res, contact);
      return;
    }
    if (sub.verificationTime !== null)
      throw codedError(400, 'verification', 'verification.pin.is.present.for.non.verifying.state');
    pins.verify(sub.id, String(pin), 'verification');
    const stamp = ctx.now().toISOString();
    contact.nemSmsSubscription = {
      ...sub,
      version: sub.version + 1,
      verificationTime: stamp,
      confirmedDateTime: stamp,
    };
    touch(contact);
    send(res, contact);
  });

  return router;
};
