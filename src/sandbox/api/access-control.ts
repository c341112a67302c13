import type { Response } from 'express';
import { assumedCapabilitiesOf } from '../../shared/dp/assumptions';
import type { Identity } from '../identity';
import type { AccessRecord, MailboxRecord, MessageRecord } from './context';
import { dpError, forbidden, notFound } from './errors';
import type { InMemoryMailStore } from './store';

// Who may do what in a mailbox. Visibility comes from the access records (the sandbox's stand-in for privileges):
// an unknown mailbox is 404, one the caller holds no access to is 403 (REST conventions, return codes).

export interface OpenMailbox {
  identity: Identity;
  mailbox: MailboxRecord;
  access: AccessRecord;
  canWrite: boolean;
  canMoveToDeleted: boolean;
  /** Legal representatives (readers) may not touch what lies in DELETED (§6.13.5). */
  isLegalRepresentative: boolean;
}

export const callerOf = (res: Response): Identity => {
  const identity = res.locals.identity as Identity | undefined;
  if (!identity) throw dpError(401, 'UnauthorizedException: no authenticated identity');
  return identity;
};

export const openMailbox = (store: InMemoryMailStore, res: Response, mailboxId: string): OpenMailbox => {
  const identity = callerOf(res);
  const mailbox = store.mailboxes.get(mailboxId);
  if (!mailbox) throw notFound('Mailbox', mailboxId);
  const access = store.accessFor(identity.id, mailboxId);
  if (!access) throw forbidden(`no access to mailbox ${mailboxId}`);
  const caps = assumedCapabilitiesOf(access.accessType);
  return {
    identity,
    mailbox,
    access,
    canWrite: caps.write,
    canMoveToDeleted: caps.moveToDeleted,
    isLegalRepresentative: access.accessType === 'LEGAL_REPRESENTATIVE_READER',
  };
};

export const requireWrite = (mb: OpenMailbox): void => {
  if (!mb.canWrite) throw forbidden(`access type ${mb.access.accessType} may not write in this mailbox`);
};

export const findMessage = (store: InMemoryMailStore, mb: OpenMailbox, messageId: string): MessageRecord => {
  const message = store.messages.get(messageId);
  if (!message || message.mailboxId !== mb.mailbox.id) throw notFound('Message', messageId);
  return message;
};
