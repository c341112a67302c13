import { ACCESS_CAPABILITIES, type AccessType, type FolderType, type MessageState } from '../../../shared/dp/enums';
import type { MessagePatch } from '../../../shared/ipc/channels/mail';
import { dpRefusal } from './faults';

/** Which folder types a message in each state may be moved to (§6.13.4). */
export const ALLOWED_TARGET_FOLDERS: Record<MessageState, readonly FolderType[]> = {
  RECEIVED: ['INBOX', 'DELETED', 'USER_DEFINED'],
  DRAFT: ['DRAFTS', 'DELETED', 'USER_DEFINED'],
  SENT: ['SENT', 'DELETED', 'USER_DEFINED'],
};

/** What the checks need to know about the message as the server holds it. */
export interface MessageFacts {
  messageState?: MessageState;
  folderId: string;
  legalNotification?: boolean;
  legallyNotified: boolean;
}

export interface PatchCheckInput {
  message: MessageFacts;
  patch: MessagePatch;
  /** Folder id → type for the mailbox (from the folder summary). */
  folderTypes: ReadonlyMap<string, FolderType>;
  accessType?: AccessType;
}

const RESOURCE = 'message';

/**
 * Refuses a patch Digital Post would refuse, before the request. Access types that may not move to Slettet are
 * refused that move, and a legal representative may not touch a message already there (§6.13.5); both are access
 * refusals on the server, so they carry `access.denied`.
 */
export const checkMessagePatch = ({ message, patch, folderTypes, accessType }: PatchCheckInput): void => {
  const mayMoveToDeleted = accessType === undefined || ACCESS_CAPABILITIES[accessType].moveToDeleted;
  const state = message.messageState ?? 'RECEIVED';
  if (accessType === 'LEGAL_REPRESENTATIVE_READER' && folderTypes.get(message.folderId) === 'DELETED') {
    throw dpRefusal('access.denied', { resource: RESOURCE, field: 'folderId', rejectedValue: message.folderId });
  }
  if (patch.folderId !== undefined && patch.folderId !== message.folderId) {
    const target = folderTypes.get(patch.folderId);
    if (target === undefined) {
      throw dpRefusal('message.update.folderId.notFound', {
        resource: RESOURCE,
        field: 'folderId',
        rejectedValue: patch.folderId,
      });
    }
    if (!ALLOWED_TARGET_FOLDERS[state].includes(target)) {
      throw dpRefusal('message.update.folderType.not.allowed', {
        resource: RESOURCE,
        field: 'folderId',
        rejectedValue: patch.folderId,
        args: [state, target],
      });
    }
    if (target === 'DELETED' && !mayMoveToDeleted) {
      throw dpRefusal('access.denied', { resource: RESOURCE, field: 'folderId', rejectedValue: patch.folderId });
    }
  }
  if (patch.legallyNotified === true && (message.legalNotification !== true || state !== 'RECEIVED')) {
    throw dpRefusal('message.update.legallyNotified.not.allowed', {
      resource: RESOURCE,
      field: 'legallyNotified',
      rejectedValue: true,
    });
  }
};

/** The PATCH body: only the fields the user changed (absent = untouched, §6.13.3). */
export const toPatchBody = (patch: MessagePatch): Record<string, unknown> => {
  const body: Record<string, unknown> = {};
  for (const key of ['read', 'flag', 'note', 'folderId', 'legallyNotified'] as const) {
    if (patch[key] !== undefined) body[key] = patch[key];
  }
  return body;
};

/** A legallyNotified that is already true cannot change (§6.16.1 note 4), so asking again is a no-op. */
export const withoutNoops = (patch: MessagePatch, message: MessageFacts): MessagePatch => {
  const out: MessagePatch = { ...patch };
  if (out.legallyNotified === true && message.legallyNotified) delete out.legallyNotified;
  return out;
};
