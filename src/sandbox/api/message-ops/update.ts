// Changing a message with PUT or PATCH (§6.13.3), including moves (§6.13.4), and deleting drafts.
import { z } from 'zod';
import type { KnownFolderType as FolderType, KnownMessageState as MessageState } from '../../../shared/dp/enums';
import type { OpenMailbox } from '../access-control';
import { looseArray, PartyInputSchema, serverOwned } from '../body';
import type { MessageRecord } from '../context';
import { fieldError, forbidden, rejected, validation } from '../errors';
import type { InMemoryMailStore } from '../store';
import { maskCpr } from '../util';
import { resolveRecipient } from './parties';
import { LABEL_MAX, isReplyDraft, folderOf } from './drafts';

/** §6.13.4: where a message in each state may be moved. */
const MOVE_TARGETS: Record<MessageState, readonly FolderType[]> = {
  RECEIVED: ['INBOX', 'DELETED', 'USER_DEFINED'],
  DRAFT: ['DRAFTS', 'DELETED', 'USER_DEFINED'],
  SENT: ['SENT', 'DELETED', 'USER_DEFINED'],
};

export const MessageUpdateSchema = z.strictObject({
  ...serverOwned,
  mailboxId: z.string().nullish(),
  folderId: z.string().nullish(),
  messageType: z.string().nullish(),
  messageState: z.string().nullish(),
  messageDateTime: z.string().nullish(),
  sendDateTime: z.string().nullish(),
  memoCreatedDateTime: z.string().nullish(),
  messageCode: z.string().nullish(),
  label: z.string().max(LABEL_MAX).nullish(),
  forward: z.boolean().nullish(),
  reply: z.boolean().nullish(),
  flag: z.boolean().nullish(),
  legallyNotified: z.boolean().nullish(),
  legalNotification: z.boolean().nullish(),
  read: z.boolean().nullish(),
  welcomeMessage: z.boolean().nullish(),
  errorMessage: z.boolean().nullish(),
  note: z.string().max(4000).nullish(),
  sender: PartyInputSchema.nullish(),
  recipient: PartyInputSchema.nullish(),
  replyData: looseArray.nullish(),
  documents: looseArray.nullish(),
  forwardData: z.looseObject({}).nullish(),
  contentData: z.looseObject({}).nullish(),
  userActivities: looseArray.nullish(),
});
export type MessageUpdate = z.infer<typeof MessageUpdateSchema>;

/** PUT (mode 'put': the body is the new state) or PATCH (null/omitted = leave alone), §6.13.3. */
export const updateMessage = (
  store: InMemoryMailStore,
  mb: OpenMailbox,
  message: MessageRecord,
  input: MessageUpdate,
  mode: 'put' | 'patch',
): MessageRecord => {
  const currentFolder = store.folders.get(message.folderId);
  if (mb.isLegalRepresentative && currentFolder?.folderType === 'DELETED') {
    throw forbidden('a legal representative cannot modify a message in DELETED');
  }
  const changes: ((m: MessageRecord) => void)[] = [];
  const isDraft = message.messageState === 'DRAFT';

  if (mode === 'put' && (input.folderId === undefined || input.folderId === null)) {
    throw validation('folderId is required', fieldError('message.update.folderId.notNull', { field: 'folderId' }));
  }
  if (input.folderId != null && input.folderId.toLowerCase() !== message.folderId) {
    const target = folderOf(store, mb, input.folderId, 'message.update.folderId.notFound');
    if (!MOVE_TARGETS[message.messageState].includes(target.folderType)) {
      throw validation(
        'move not allowed',
        fieldError('message.update.folderType.not.allowed', {
          field: 'folderId',
          rejectedValue: input.folderId,
          args: [message.messageState, target.folderType],
        }),
      );
    }
    if (target.folderType === 'DELETED' && !mb.canMoveToDeleted) {
      throw forbidden(`access type ${mb.access.accessType} may not move messages to DELETED`);
    }
    changes.push((m) => {
      m.folderId = target.id;
    });
  }
  if (input.read != null && input.read !== message.read) {
    const v = input.read;
    changes.push((m) => {
      m.read = v;
    });
  }
  if (input.flag != null && input.flag !== message.flag) {
    const v = input.flag;
    changes.push((m) => {
      m.flag = v;
    });
  }
  if (
    input.note !== undefined &&
    (input.note !== null || mode === 'put') &&
    (input.note ?? undefined) !== message.note
  ) {
    const v = input.note ?? undefined;
    changes.push((m) => {
      if (v === undefined) delete m.note;
      else m.note = v;
    });
  }
  if (input.legallyNotified != null && input.legallyNotified !== message.legallyNotified) {
    if (message.legallyNotified) {
      throw validation(
        'legallyNotified is irreversible',
        fieldError('message.update.legallyNotified.irreversible', { field: 'legallyNotified', rejectedValue: false }),
      );
    }
    if (!message.legalNotification || message.messageState !== 'RECEIVED') {
      throw validation(
        'not a legal notification',
        fieldError('message.update.legallyNotified.not.allowed', { field: 'legallyNotified', rejectedValue: true }),
      );
    }
    changes.push((m) => {
      m.legallyNotified = true;
    });
  }

  // Label and recipient belong to the draft being written (§6.10); elsewhere an echo of the same value is fine.
  // Only a draft's label can be removed by leaving it out of a PUT; elsewhere an omitted label is no change.
  const labelGiven =
    mode === 'put' && isDraft ? (input.label ?? undefined) : input.label == null ? message.label : input.label;
  if (labelGiven !== message.label) {
    if (!isDraft)
      throw validation(
        'label can only change on drafts',
        fieldError('message.update.state.not.allowed', { field: 'label', args: ['label'] }),
      );
    if (!mb.canWrite) throw forbidden('read-only access');
    if (isReplyDraft(message))
      throw validation(
        'reply label',
        fieldError('message.update.reply.label.not.allowed', { field: 'label', rejectedValue: labelGiven }),
      );
    changes.push((m) => {
      if (labelGiven === undefined) delete m.label;
      else m.label = labelGiven;
    });
  }
  const recipientInput = input.recipient;
  if (recipientInput === undefined || recipientInput === null) {
    if (mode === 'put' && message.recipient && isDraft) {
      if (isReplyDraft(message))
        throw validation(
          'reply recipient',
          fieldError('message.update.reply.recipient.notNull', { field: 'recipient' }),
        );
      if (!mb.canWrite) throw forbidden('read-only access');
      changes.push((m) => {
        delete m.recipient;
      });
    }
  } else {
    const echoed =
      message.recipient &&
      recipientInput.recipientIdType === message.recipient.idType &&
      (recipientInput.recipientId === message.recipient.idValue ||
        recipientInput.recipientId === maskCpr(message.recipient.idValue)) &&
      (recipientInput.label ?? message.recipient.label) === message.recipient.label;
    if (!echoed) {
      if (!isDraft)
        throw validation(
          'recipient can only change on drafts',
          fieldError('message.update.state.not.allowed', { field: 'recipient', args: ['recipient'] }),
        );
      if (!mb.canWrite) throw forbidden('read-only access');
      if (isReplyDraft(message))
        throw validation(
          'reply recipient',
          fieldError('message.update.reply.recipient.not.allowed', { field: 'recipient' }),
        );
      const next = resolveRecipient(store, message.recipient, recipientInput);
      if (next !== message.recipient)
        changes.push((m) => {
          m.recipient = next;
        });
    }
  }
  if (isDraft && input.sender?.label != null && input.sender.label !== message.sender?.label) {
    if (!mb.canWrite) throw forbidden('read-only access');
    const label = input.sender.label;
    changes.push((m) => {
      if (m.sender) m.sender = { ...m.sender, label, version: m.sender.version + 1 };
    });
  }
  if (changes.length === 0) return message;
  return store.updateMessage(message, (m) => changes.forEach((apply) => apply(m)));
};

export const deleteMessage = (store: InMemoryMailStore, mb: OpenMailbox, message: MessageRecord): void => {
  if (message.messageState !== 'DRAFT') {
    throw validation(
      'only drafts can be deleted',
      rejected('message.delete.state.not.allowed', 'messageState', message.messageState),
    );
  }
  if (!mb.canWrite) throw forbidden('read-only access');
  store.deleteMessage(message);
};
