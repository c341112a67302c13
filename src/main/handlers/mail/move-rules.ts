import type { FolderType, KnownMessageState } from '../../../shared/dp/enums';
import { effectiveMessageState } from '../../../shared/dp/resources';
import type { MessagePatch } from '../../../shared/ipc/channels/mail';
import { dpRefusal } from '../../errors';

/** Which folder types a message in each state may be moved to (§6.13.4). */
export const ALLOWED_TARGET_FOLDERS: Record<KnownMessageState, readonly FolderType[]> = {
  RECEIVED: ['INBOX', 'DELETED', 'USER_DEFINED'],
  DRAFT: ['DRAFTS', 'DELETED', 'USER_DEFINED'],
  SENT: ['SENT', 'DELETED', 'USER_DEFINED'],
};

/** What the checks need to know about the message as the server holds it. */
export interface MessageFacts {
  messageState?: string;
  folderId: string;
  legallyNotified: boolean;
}

export interface PatchCheckInput {
  message: MessageFacts;
  patch: MessagePatch;
  /** Folder id → type for the mailbox (from the folder summary). */
  folderTypes: ReadonlyMap<string, FolderType>;
}

const RESOURCE = 'message';

const isKnownState = (state: string | undefined): state is KnownMessageState =>
  state !== undefined && Object.hasOwn(ALLOWED_TARGET_FOLDERS, state);

/**
 * Refuses a patch Digital Post would refuse, before the request, by the printed rules only: the move rules per
 * message state (§6.13.4) and that only a received message can be marked legally notified (§6.16.1). What an
 * access type may do is not printed beyond OWNER, so Digital Post decides that and its refusal is shown.
 */
export const checkMessagePatch = ({ message, patch, folderTypes }: PatchCheckInput): void => {
  const state = effectiveMessageState(message, folderTypes.get(message.folderId));
  if (patch.folderId !== undefined && patch.folderId !== message.folderId) {
    const target = folderTypes.get(patch.folderId);
    if (target === undefined) {
      throw dpRefusal('message.update.folderId.notFound', {
        resource: RESOURCE,
        field: 'folderId',
        rejectedValue: patch.folderId,
      });
    }
    if (isKnownState(state) && !ALLOWED_TARGET_FOLDERS[state].includes(target)) {
      throw dpRefusal('message.update.folderType.not.allowed', {
        resource: RESOURCE,
        field: 'folderId',
        rejectedValue: patch.folderId,
        args: [state, target],
      });
    }
  }
  // Which messages are legal notifications is not printed; only a state that is known not to be RECEIVED is refused.
  if (patch.legallyNotified === true && isKnownState(state) && state !== 'RECEIVED') {
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
