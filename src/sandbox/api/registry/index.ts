import { Router } from 'express';
import type { RegistryContext } from '../context';
import { createAccessRoutes } from './accesses';
import { createAccessCreateRoute } from './access-create';
import { createAccessRequests } from './access-requests';
import { createAccessWriter, type AccessWriter } from './access-writer';
import { createContactRoutes, seedContacts, type ContactRecord } from './contacts';
import { createContactStructureRoutes } from './contact-structure';
import { createOutboxRoutes } from './outbox';
import { PinVerifications } from './pins';
import { createPrivileges } from './privileges';
import { createValidationRoutes } from './validations';
import { notifyNewMessage } from './notifications';
import type { OutboxEntry } from '../context';
import { EventLog } from '../events/event-log';

export { KNOWN_AUTHORITY_CVRS, findAuthorityByCvr, findContactPoint, CONTACT_STRUCTURE } from './authorities';
export { MAX_EMAIL_SUBSCRIPTIONS } from './access-update';
export { PIN_MAX_ATTEMPTS, PIN_VALIDITY_MS } from './pins';

export interface RegistryApi {
  /** Behind bearer auth: accesses (notification subscriptions) and the caller's contact / NemSMS. */
  router: Router;
  /** No token: the contact structure (organisations, contact groups and points) and POST /validations/. */
  publicRouter: Router;
  /** /sandbox: GET and DELETE /outbox. */
  hooksRouter: Router;
  /** Contacts and pending PINs back to the seed. Accesses and the outbox live in the MailStore, reset by its owner. */
  reset(): void;
  /** Call when a message lands in a mailbox: e-mail / SMS notifications per its accesses go to the outbox. */
  notifyNewMessage(mailboxId: string, message: { id: string; senderName?: string }): OutboxEntry[];
  /** Changes an access from a PUT-style body: for the mailbox resource, which embeds the caller's access. */
  writeAccess: AccessWriter;
}

export const createRegistryApi = (
  ctx: RegistryContext,
  events: EventLog = new EventLog(ctx.store, ctx.now, ctx.identities, ctx.config.seed),
): RegistryApi => {
  const pins = new PinVerifications(ctx.now, ctx.store.outbox);
  let contacts: Map<string, ContactRecord> = seedContacts(ctx.identities);

  const verifiedNumbers = (identityId: string): Set<string> => {
    const numbers = new Set<string>();
    for (const access of ctx.store.accessesOf(identityId)) {
      const sms = access.smsNotificationSubscription;
      if (sms?.verified) numbers.add(sms.mobileNumber);
    }
    for (const contact of contacts.values()) {
      const nemSms = contact.nemSmsSubscription;
      if (contact.holders.includes(identityId) && nemSms && nemSms.verificationTime !== null)
        numbers.add(nemSms.mobileNumber);
    }
    return numbers;
  };

  const writeAccess = createAccessWriter(ctx, pins, verifiedNumbers);
  const router = Router();
  router.use(createAccessRoutes({ ctx, pins, writeAccess }));
  router.use(createAccessCreateRoute(ctx, writeAccess));
  router.use(createContactRoutes({ ctx, pins, contacts: () => contacts, verifiedNumbers }));
  const privileges = createPrivileges(ctx, events);
  router.use(privileges.router);
  const accessRequests = createAccessRequests(ctx, events, (accessId, by) => {
    const privilege = privileges.all().find((p) => p.access.id === accessId);
    if (privilege) privileges.revoke(privilege, by);
  });
  router.use(accessRequests.router);

  const publicRouter = Router();
  publicRouter.use(createValidationRoutes());
  publicRouter.use(createContactStructureRoutes());

  const hooksRouter = Router();
  hooksRouter.use(
    createOutboxRoutes(
      () => ctx.store.outbox,
      (entry) => pins.sentPins.get(entry),
    ),
  );

  return {
    router,
    publicRouter,
    hooksRouter,
    reset() {
      contacts = seedContacts(ctx.identities);
      pins.clear();
      privileges.reset();
      accessRequests.reset();
    },
    notifyNewMessage: (mailboxId, message) => notifyNewMessage(ctx, mailboxId, message),
    writeAccess,
  };
};
