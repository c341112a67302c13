// Seeded mailboxes, their user folders, and the accesses other identities hold to them.
import type { Identity } from '../../identity';
import type { KnownAccessType as AccessType } from '../../../shared/dp/enums';
import type { AccessRecord, FolderRecord, MailboxRecord } from '../context';
import { newAccess, newFolder, STANDARD_FOLDER_NAMES } from '../records';
import { iso, type SeedRun } from './run';

export const createMailbox = (
  run: SeedRun,
  init: Pick<MailboxRecord, 'ownerType' | 'ownerName' | 'ownerId' | 'ownerIdentityId'>,
): MailboxRecord => {
  const at = iso(400);
  const mailbox: MailboxRecord = {
    id: run.store.newId(),
    version: 0,
    createdDateTime: at,
    lastUpdated: at,
    statusType: 'ACTIVE',
    statusDate: at.slice(0, 10),
    ...init,
  };
  run.store.mailboxes.set(mailbox.id, mailbox);
  for (const type of ['INBOX', 'DRAFTS', 'SENT', 'DELETED'] as const) {
    const folder = newFolder(run.store, at, mailbox.id, type, STANDARD_FOLDER_NAMES[type]);
    run.store.folders.set(folder.id, folder);
  }
  return mailbox;
};

export const userFolder = (run: SeedRun, mailboxId: string, name: string, parent?: FolderRecord): FolderRecord => {
  const folder = newFolder(run.store, iso(300), mailboxId, 'USER_DEFINED', name, parent?.id);
  run.store.folders.set(folder.id, folder);
  return folder;
};

export const grantAccess = (
  run: SeedRun,
  identity: Identity,
  mailbox: MailboxRecord,
  accessType: AccessType,
  n: number,
): AccessRecord => {
  const { store, prng } = run;
  const at = iso(390);
  const hex = (len: number) => Array.from({ length: len }, () => prng.int(0, 15).toString(16)).join('');
  const access: AccessRecord = {
    ...newAccess(store, at, { mailboxId: mailbox.id, identityId: identity.id, accessType }),
    introductionCompleted: true,
    emailNotificationSubscriptions: [
      { id: store.newId(), version: 0, email: `${identity.id}${n > 0 ? `+${n}` : ''}@example.dk` },
    ],
    smsNotificationSubscription: {
      id: store.newId(),
      version: 0,
      mobileNumber: `2${String(prng.int(1000000, 9999999))}`,
      unlistedNumber: false,
      verified: true,
    },
    pushNotificationSubscriptions: [
      {
        id: store.newId(),
        version: 0,
        providerType: 'APN',
        deviceId: store.newId(),
        instanceId: store.newId(),
        tenantId: store.newId(),
        deviceToken: hex(64),
      },
      {
        id: store.newId(),
        version: 0,
        providerType: 'FCM',
        deviceId: store.newId(),
        instanceId: store.newId(),
        tenantId: store.newId(),
        deviceToken: hex(32).toUpperCase(),
      },
    ],
  };
  store.accesses.set(access.id, access);
  return access;
};
