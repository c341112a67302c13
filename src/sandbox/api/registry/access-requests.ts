import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { Identity } from '../../identity';
import { ACCESS_REQUEST_STATES, PRIVILEGE_OF_ACCESS_TYPE } from '../../../shared/dp/assumptions';
import { REQUEST_TYPES, TARGET_GRANTED } from '../../../shared/dp/access-requests';
import type { DpErrorCode } from '../../../shared/dp/error-codes';
import type { KnownAccessType } from '../../../shared/dp/enums';
import type { RegistryContext } from '../context';
import type { EventLog } from '../events/event-log';
import { newAccess } from '../records';
import { search } from '../search';
import { etag, maskCpr, pathId, requireIfMatch } from '../util';
import { codedError, forbidden, notFound, validationError, type FieldProblem } from './errors';

// §11 access requests, the flow of §11.18.3–11.21: citizen A asks for a privilege to citizen B's mailbox (created
// DRAFT or straight SUBMITTED), B finds it among the requests made to them and approves it (APPROVED, the target
// GRANTED, the access created) or rejects it with a reason; A may withdraw a request not yet granted; an approved
// one can be revoked with a reason. Transitions outside that are refused with the printed invalidTransition code.

const { REJECTED, WITHDRAWN, REVOKED } = ACCESS_REQUEST_STATES.values;
const STATES = ['DRAFT', 'SUBMITTED', 'APPROVED', REJECTED, WITHDRAWN, REVOKED] as const;
type State = (typeof STATES)[number];
/** Spec-minimal mode spells the guessed states so that no client could know them. */
const MINIMAL_STATES: Record<string, string> = {
  [REJECTED]: 'AFVIST_X',
  [WITHDRAWN]: 'TRUKKET_TILBAGE_X',
  [REVOKED]: 'TILBAGEKALDT_X',
};
const ACCESS_OF_PRIVILEGE = Object.fromEntries(
  Object.entries(PRIVILEGE_OF_ACCESS_TYPE.values).map(([access, privilege]) => [privilege, access]),
) as Record<string, KnownAccessType>;
/** accessRequest.accessTo.full.access.max.accesses: "højst 10 læse og læse- og skriveadgange". */
export const MAX_ACCESSES_GIVEN = 10;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

interface Participant {
  id: string;
  version: number;
  createdDateTime: string;
  lastUpdated: string;
  externalId: string;
  externalIdType: 'CPR';
  citizenIdentityId: string;
  firstNameProvided?: string;
  lastNameProvided?: string;
  firstNameResolved?: string;
}

interface RequestRecord {
  id: string;
  version: number;
  transactionId: string;
  createdDateTime: string;
  lastUpdated: string;
  requestType: string;
  requestState: State;
  requester: Participant;
  accessTo: Participant;
  privileges: string[];
  userGroups: string[];
  createdByIdentityId: string;
  createdOnBehalfOf: false;
  target: {
    id: string;
    version: number;
    createdDateTime: string;
    lastUpdated: string;
    requestParticipant: Participant;
    targetState?: string;
  };
  documentations: unknown[];
  processedAutomatically: false;
  submissionDateTime?: string;
  submittedByIdentityId?: string;
  approvalDateTime?: string;
  approvedByIdentityId?: string;
  rejectionReason?: string;
  revocationReason?: string;
  /** Sandbox identity ids of requester and accessTo, for visibility. */
  parties: { requester: string; accessTo: string; target: string };
}

const TRANSITIONS: Record<State, Partial<Record<State, 'requester' | 'accessTo' | 'either'>>> = {
  DRAFT: { SUBMITTED: 'requester', [WITHDRAWN]: 'requester' },
  SUBMITTED: { APPROVED: 'accessTo', [REJECTED]: 'accessTo', [WITHDRAWN]: 'requester' },
  APPROVED: { [REVOKED]: 'either' },
  [REJECTED]: {},
  [WITHDRAWN]: {},
  [REVOKED]: {},
};

const transactionId = (): string => randomUUID().replace(/-/g, '').slice(0, 32);

export const createAccessRequests = (
  ctx: RegistryContext,
  events: EventLog,
  revokeAccess: (accessId: string, by: Identity) => void,
) => {
  let requests = new Map<string, RequestRecord>();
  const specMinimal = ctx.config.specMinimal === true;
  const spellOut = (s: string): string => (specMinimal ? (MINIMAL_STATES[s] ?? s) : s);
  const spellIn = (s: string): string | undefined => {
    if (!specMinimal) return s;
    if (Object.hasOwn(MINIMAL_STATES, s)) return undefined; // the guessed spelling is unknown in this mode
    const back = Object.entries(MINIMAL_STATES).find(([, minimal]) => minimal === s)?.[0];
    return back ?? s;
  };

  const identityOf = (res: Response): Identity => res.locals.identity as Identity;
  const byId = (id: string) => ctx.identities.find((i) => i.id === id);

  const participant = (identity: Identity, extra: Partial<Participant> = {}): Participant => {
    const at = ctx.now().toISOString();
    return {
      id: randomUUID(),
      version: 0,
      createdDateTime: at,
      lastUpdated: at,
      externalId: maskCpr(identity.cpr),
      externalIdType: 'CPR',
      citizenIdentityId: identity.dpiid,
      ...extra,
    };
  };

  /** A participant as sent: by identity id, or by CPR with the names §11.19 sends along. */
  const resolve = (
    raw: unknown,
    field: string,
    problems: FieldProblem[],
    options: { names: boolean },
  ): Identity | undefined => {
    if (!isObject(raw)) return undefined;
    const identityId = str(raw.citizenIdentityId) ?? str(raw.identityId);
    if (identityId) {
      const found = ctx.identities.find((i) => i.dpiid === identityId);
      if (!found)
        problems.push({ code: 'accessRequest.requestParticipant.identity.notFound', field, args: [identityId] });
      else if (found.kind !== 'citizen')
        problems.push({ code: 'accessRequest.requestParticipant.mustBeCitizen', field });
      return found;
    }
    const externalId = str(raw.externalId);
    const externalIdType = str(raw.externalIdType);
    if (!externalId) {
      problems.push({ code: 'accessRequest.requestParticipant.identity.required', field });
      return undefined;
    }
    if (!externalIdType) {
      problems.push({ code: 'accessRequest.requestParticipant.externalIdType.required', field });
      return undefined;
    }
    if (externalIdType !== 'CPR' && externalIdType !== 'CVR') {
      problems.push({
        code: 'accessRequest.requestParticipant.externalIdType.invalid',
        field,
        rejectedValue: externalIdType,
      });
      return undefined;
    }
    if (!(externalIdType === 'CPR' ? /^\d{10}$/ : /^\d{8}$/).test(externalId)) {
      problems.push({ code: 'accessRequest.requestParticipant.externalId.pattern', field });
      return undefined;
    }
    if (externalIdType === 'CVR') {
      problems.push({ code: 'accessRequest.requestParticipant.mustBeCitizen', field });
      return undefined;
    }
    const first = str(raw.firstNameProvided);
    const last = str(raw.lastNameProvided);
    if (options.names) {
      if (!first) problems.push({ code: 'accessRequest.requestParticipant.firstNameProvided.required', field });
      if (!last) problems.push({ code: 'accessRequest.requestParticipant.lastNameProvided.required', field });
      if (!first || !last) return undefined;
      if (first.length > 256) problems.push({ code: 'accessRequest.requestParticipant.firstNameProvided.size', field });
      if (last.length > 256) problems.push({ code: 'accessRequest.requestParticipant.lastNameProvided.size', field });
    }
    const found = ctx.identities.find((i) => i.cpr === externalId && i.kind === 'citizen');
    // The CPR register answers only for the CPR together with the person's own names.
    const names = found?.name.toLowerCase().split(/\s+/) ?? [];
    const namesMatch = !options.names || (names[0] === first?.toLowerCase() && names.at(-1) === last?.toLowerCase());
    if (!found || !namesMatch) {
      problems.push({ code: 'accessRequest.requestParticipant.identity.notFound', field, args: [maskCpr(externalId)] });
      return undefined;
    }
    return found;
  };

  const view = (r: RequestRecord): Json => {
    const { parties: _parties, ...rest } = r;
    return { ...rest, requestState: spellOut(r.requestState) };
  };

  const visible = (r: RequestRecord, me: Identity): boolean =>
    r.parties.requester === me.id ||
    r.parties.target === me.id ||
    (r.parties.accessTo === me.id && r.requestState !== 'DRAFT');

  const find = (id: string, me: Identity): RequestRecord => {
    const r = requests.get(id);
    if (!r || !visible(r, me)) throw notFound('accessRequest', id);
    return r;
  };

  const logEvent = (r: RequestRecord, actor: Identity, kind: 'accessRequestCreated' | 'accessRequestUpdated') => {
    events.append({
      kind,
      owner: r.accessTo.externalId,
      ownerIdentityId: r.accessTo.citizenIdentityId,
      actor: maskCpr(actor.cpr),
      actorIdentityId: actor.dpiid,
      eventProperties: {
        privileges: r.privileges.join(','),
        'access-to': r.accessTo.citizenIdentityId,
        version: String(r.version),
        'access-request-type': r.requestType,
        target: r.target.requestParticipant.citizenIdentityId,
      },
      visibleTo: [r.parties.requester, r.parties.accessTo],
    });
  };

  const send = (res: Response, r: RequestRecord, status = 200): void => {
    res.status(status).set('ETag', etag(r.version)).json(view(r));
  };

  const router = Router();

  router.post(['/access-requests', '/access-requests/'], (req, res) => {
    const me = identityOf(res);
    const body: Json = isObject(req.body) ? (req.body as Json) : {};
    const problems: FieldProblem[] = [];
    const requestType = str(body.requestType);
    if (!requestType) problems.push({ code: 'accessRequest.requestType.required', field: 'requestType' });
    else if (!(REQUEST_TYPES as readonly string[]).includes(requestType))
      problems.push({ code: 'accessRequest.requestType.invalid', field: 'requestType', rejectedValue: requestType });
    const rawState = str(body.requestState);
    const state = rawState === undefined ? undefined : spellIn(rawState);
    if (!rawState) problems.push({ code: 'accessRequest.requestState.required', field: 'requestState' });
    else if (state !== 'DRAFT' && state !== 'SUBMITTED')
      problems.push({
        code: 'accessRequest.create.requestState.invalid',
        field: 'requestState',
        rejectedValue: rawState,
      });
    if (!isObject(body.requester)) problems.push({ code: 'accessRequest.requester.required', field: 'requester' });
    if (!isObject(body.accessTo)) problems.push({ code: 'accessRequest.accessTo.required', field: 'accessTo' });
    const target = body.target;
    if (!isObject(target)) problems.push({ code: 'accessRequest.target.required', field: 'target' });
    else if (!isObject(target.requestParticipant))
      problems.push({ code: 'accessRequest.target.requestParticipant.required', field: 'target.requestParticipant' });
    const privileges = Array.isArray(body.privileges)
      ? body.privileges.filter((p): p is string => typeof p === 'string')
      : [];
    const userGroups = Array.isArray(body.userGroups) ? body.userGroups : [];
    if (privileges.length === 0 && userGroups.length === 0)
      problems.push({ code: 'accessRequest.privilegesOrUserGroups.required', field: 'privileges' });
    else if (userGroups.length > 0) problems.push({ code: 'accessRequest.userGroups.notAllowed', field: 'userGroups' });
    if (problems.length > 0) throw validationError('accessRequest', problems);

    const requester = resolve(body.requester, 'requester', problems, { names: false });
    const accessTo = resolve(body.accessTo, 'accessTo', problems, { names: true });
    const targetWho = resolve((target as Json).requestParticipant, 'target.requestParticipant', problems, {
      names: false,
    });
    if (problems.length > 0) throw validationError('accessRequest', problems);
    if (!requester || !accessTo || !targetWho) throw validationError('accessRequest', problems);
    // A citizen asks on their own behalf; someone else's request is not theirs to make.
    if (requester.id !== me.id) throw forbidden();
    if (requestType === 'PRIVILEGE_REQUEST' && targetWho.id !== requester.id)
      throw validationError('accessRequest', [
        { code: 'accessRequest.target.requestParticipant.mustMatchRequester', field: 'target' },
      ]);
    if (accessTo.id === requester.id)
      throw validationError('accessRequest', [
        { code: 'accessRequest.requestParticipant.contact.not.allowed', field: 'accessTo' },
      ]);
    const given = [...ctx.store.accesses.values()].filter((a) => {
      const mb = ctx.store.mailboxes.get(a.mailboxId);
      return mb?.ownerIdentityId === accessTo.id && a.accessType !== 'OWNER';
    });
    if (given.length >= MAX_ACCESSES_GIVEN)
      throw validationError('accessRequest', [
        { code: 'accessRequest.accessTo.full.access.max.accesses', field: 'accessTo' },
      ]);

    const at = ctx.now().toISOString();
    const accessToRaw = body.accessTo as Json;
    const record: RequestRecord = {
      id: randomUUID(),
      version: 0,
      transactionId: transactionId(),
      createdDateTime: at,
      lastUpdated: at,
      requestType: requestType!,
      requestState: state as State,
      requester: participant(requester),
      accessTo: participant(accessTo, {
        ...(str(accessToRaw.firstNameProvided) ? { firstNameProvided: str(accessToRaw.firstNameProvided)! } : {}),
        ...(str(accessToRaw.lastNameProvided) ? { lastNameProvided: str(accessToRaw.lastNameProvided)! } : {}),
        firstNameResolved: accessTo.name,
      }),
      privileges,
      userGroups: [],
      createdByIdentityId: me.dpiid,
      createdOnBehalfOf: false,
      target: {
        id: randomUUID(),
        version: 0,
        createdDateTime: at,
        lastUpdated: at,
        requestParticipant: participant(targetWho),
      },
      documentations: [],
      processedAutomatically: false,
      ...(state === 'SUBMITTED' ? { submissionDateTime: at, submittedByIdentityId: me.dpiid } : {}),
      parties: { requester: requester.id, accessTo: accessTo.id, target: targetWho.id },
    };
    requests.set(record.id, record);
    logEvent(record, me, 'accessRequestCreated');
    send(res, record, 201);
  });

  // "Fetching all access-requests user has access to with optional paging, sorting and filtering": the caller's
  // own, and those made to them once submitted.
  router.get(['/access-requests', '/access-requests/'], (req, res) => {
    const me = identityOf(res);
    const mine = [...requests.values()].filter((r) => visible(r, me)).map(view);
    res.json(
      search(mine, req.query, { plural: 'accessRequests', defaultSort: [{ path: 'createdDateTime', desc: true }] }),
    );
  });

  router.get('/access-requests/:id', (req, res) => {
    send(res, find(pathId(req, 'id'), identityOf(res)));
  });

  router.put('/access-requests/:id', (req, res) => {
    const me = identityOf(res);
    const r = find(pathId(req, 'id'), me);
    requireIfMatch(req, r.version, 'accessRequest');
    const body: Json = isObject(req.body) ? (req.body as Json) : {};
    const rawState = str(body.requestState);
    if (!rawState)
      throw validationError('accessRequest', [{ code: 'accessRequest.requestState.required', field: 'requestState' }]);
    const to = spellIn(rawState);
    if (to === undefined || !(STATES as readonly string[]).includes(to))
      throw validationError('accessRequest', [
        { code: 'accessRequest.requestState.invalid', field: 'requestState', rejectedValue: rawState },
      ]);
    const next = to as State;
    if (body.requestType !== undefined && body.requestType !== r.requestType)
      throw validationError('accessRequest', [{ code: 'accessRequest.requestType.modified', field: 'requestType' }]);
    if (
      r.requestState !== 'DRAFT' &&
      Array.isArray(body.privileges) &&
      JSON.stringify(body.privileges) !== JSON.stringify(r.privileges)
    )
      throw validationError('accessRequest', [{ code: 'accessRequest.illegalModification', field: 'privileges' }]);
    const at = ctx.now().toISOString();
    if (next === r.requestState) {
      if (r.requestState !== 'DRAFT' || r.parties.requester !== me.id)
        throw validationError('accessRequest', [{ code: 'accessRequest.illegalModification' }]);
      if (Array.isArray(body.privileges))
        r.privileges = body.privileges.filter((p): p is string => typeof p === 'string');
    } else {
      if (r.requestState === 'APPROVED' && next === WITHDRAWN)
        throw codedError(400, 'accessRequest', 'accessRequest.withdrawal.illegal');
      const who = TRANSITIONS[r.requestState][next];
      if (!who)
        throw codedError(400, 'accessRequest', 'accessRequest.requestState.invalidTransition', [
          spellOut(r.requestState),
          spellOut(next),
        ]);
      const allowed =
        who === 'either' ? me.id === r.parties.requester || me.id === r.parties.accessTo : r.parties[who] === me.id;
      if (!allowed) throw forbidden();
      const reason = (key: 'rejectionReason' | 'revocationReason', code: DpErrorCode): string => {
        const value = str(body[key]);
        if (!value) throw validationError('accessRequest', [{ code, field: key }]);
        return value;
      };
      if (next === REJECTED) r.rejectionReason = reason('rejectionReason', 'accessRequest.rejectionReason.required');
      if (next === REVOKED) r.revocationReason = reason('revocationReason', 'accessRequest.revocationReason.required');
      if (next === 'SUBMITTED') {
        r.submissionDateTime = at;
        r.submittedByIdentityId = me.dpiid;
      }
      if (next === 'APPROVED') grant(r, me, at);
      if (next === REVOKED) {
        for (const accessId of grantedAccesses(r)) revokeAccess(accessId, me);
      }
      r.requestState = next;
    }
    r.version += 1;
    r.lastUpdated = at;
    r.transactionId = transactionId();
    logEvent(r, me, 'accessRequestUpdated');
    send(res, r);
  });

  // Only a draft may be deleted, and only by whoever made it (§11.14).
  router.delete('/access-requests/:id', (req, res) => {
    const me = identityOf(res);
    const r = find(pathId(req, 'id'), me);
    if (r.parties.requester !== me.id) throw forbidden();
    if (r.requestState !== 'DRAFT')
      throw validationError('accessRequest', [{ code: 'accessRequest.illegalModification', field: 'requestState' }]);
    requests.delete(r.id);
    res.status(204).end();
  });

  /** The accesses an approved request created on the accessTo's mailbox for its target. */
  const grantedAccesses = (r: RequestRecord): string[] => {
    const mailbox = [...ctx.store.mailboxes.values()].find((mb) => mb.ownerIdentityId === r.parties.accessTo);
    if (!mailbox) return [];
    const types = new Set(r.privileges.map((p) => ACCESS_OF_PRIVILEGE[p]).filter(Boolean));
    return [...ctx.store.accesses.values()]
      .filter((a) => a.mailboxId === mailbox.id && a.identityId === r.parties.target && types.has(a.accessType))
      .map((a) => a.id);
  };

  /** Approval creates the privileges (here: the accesses) and marks the target GRANTED (§11.21.2). */
  const grant = (r: RequestRecord, me: Identity, at: string): void => {
    const mailbox = [...ctx.store.mailboxes.values()].find((mb) => mb.ownerIdentityId === r.parties.accessTo);
    const target = byId(r.parties.target);
    if (mailbox && target) {
      for (const privilege of r.privileges) {
        const accessType = ACCESS_OF_PRIVILEGE[privilege];
        if (!accessType || ctx.store.accessFor(target.id, mailbox.id)) continue;
        const access = newAccess(ctx.store, at, { mailboxId: mailbox.id, identityId: target.id, accessType });
        ctx.store.accesses.set(access.id, access);
        events.append({
          kind: 'accessCreated',
          owner: maskCpr(mailbox.ownerId),
          ownerIdentityId: me.dpiid,
          actor: maskCpr(me.cpr),
          actorIdentityId: me.dpiid,
          mailboxId: mailbox.id,
          eventProperties: { granteeId: target.dpiid },
          visibleTo: [target.id],
        });
      }
    }
    r.target = { ...r.target, version: r.target.version + 1, lastUpdated: at, targetState: TARGET_GRANTED };
    r.approvalDateTime = at;
    r.approvedByIdentityId = me.dpiid;
  };

  return {
    router,
    reset() {
      requests = new Map();
    },
  };
};
