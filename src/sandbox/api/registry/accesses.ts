import { Router, type Request, type Response } from 'express';
import type { Identity } from '../../identity';
import type { AccessRecord, RegistryContext } from '../context';
import { assumedCapabilitiesOf } from '../../../shared/dp/assumptions';
import { accessView } from '../views';
import { etag, pathId, requireIfMatch } from '../util';
import type { AccessWriter } from './access-writer';
import { codedError, forbidden, notFound } from './errors';
import type { PinVerifications } from './pins';

export interface AccessRoutesDeps {
  ctx: RegistryContext;
  pins: PinVerifications;
  writeAccess: AccessWriter;
}

const identityOf = (res: Response): Identity => res.locals.identity as Identity;

/** The caller's access to the mailbox; someone else's access is indistinguishable from a missing one. */
const ownAccess = (ctx: RegistryContext, req: Request, res: Response): AccessRecord => {
  const mailboxId = pathId(req, 'mailboxId');
  const accessId = pathId(req, 'accessId');
  const identity = identityOf(res);
  if (!ctx.store.mailboxes.has(mailboxId)) throw notFound('mailbox', mailboxId);
  if (!ctx.store.accessFor(identity.id, mailboxId)) throw forbidden();
  const access = ctx.store.accesses.get(accessId);
  if (!access || access.mailboxId !== mailboxId || access.identityId !== identity.id)
    throw notFound('access', accessId);
  return access;
};

const send = (res: Response, access: AccessRecord): void => {
  res.setHeader('ETag', etag(access.version));
  res.json(accessView(access));
};

export const createAccessRoutes = ({ ctx, pins, writeAccess }: AccessRoutesDeps): Router => {
  const router = Router();
  const { store } = ctx;

  router.get('/mailboxes/:mailboxId/accesses', (req, res) => {
    const mailboxId = pathId(req, 'mailboxId');
    const identity = identityOf(res);
    if (!store.mailboxes.has(mailboxId)) throw notFound('mailbox', mailboxId);
    if (!store.accessFor(identity.id, mailboxId)) throw forbidden();
    const accesses = store.accessesOf(identity.id).filter((a) => a.mailboxId === mailboxId);
    res.json({
      currentPage: 0,
      totalPages: accesses.length > 0 ? 1 : 0,
      elementsOnPage: accesses.length,
      totalElements: accesses.length,
      accesses: accesses.map(accessView),
    });
  });

  router.get('/mailboxes/:mailboxId/accesses/:accessId', (req, res) => {
    send(res, ownAccess(ctx, req, res));
  });

  router.put('/mailboxes/:mailboxId/accesses/:accessId', (req, res) => {
    const access = ownAccess(ctx, req, res);
    if (!assumedCapabilitiesOf(access.accessType).manageNotifications) throw forbidden();
    requireIfMatch(req, access.version, 'Access');
    writeAccess(identityOf(res).id, access, req.body);
    send(res, access);
  });

  // "Verify Access": the body carries the PIN from the SMS; a body without `pin` orders a new one. If-Match is
  // checked when sent but not required, as the call changes the subscription's state, not the access as sent.
  router.put('/mailboxes/:mailboxId/accesses/:accessId/subscriptions/:subscriptionId/verification', (req, res) => {
    const access = ownAccess(ctx, req, res);
    const subscriptionId = pathId(req, 'subscriptionId');
    if (req.get('If-Match') !== undefined) requireIfMatch(req, access.version, 'Access');
    const sms = access.smsNotificationSubscription;
    if (!sms || sms.id !== subscriptionId) throw notFound('subscription', subscriptionId);
    const body: unknown = req.body;
    const pin = typeof body === 'object' && body !== null && 'pin' in body ? (body as { pin: unknown }).pin : undefined;
    if (pin === undefined || pin === null || pin === '') {
      if (sms.verified) throw codedError(400, 'verification', 'verification.not.in.verifying.state');
      pins.issue(sms.id, sms.mobileNumber, 'access-sms');
      send(res, access);
      return;
    }
    if (sms.verified) throw codedError(400, 'verification', 'verification.pin.is.present.for.non.verifying.state');
    pins.verify(sms.id, String(pin), 'verification');
    access.smsNotificationSubscription = { ...sms, verified: true, version: sms.version + 1 };
    store.touch(access);
    send(res, access);
  });

  return router;
};
