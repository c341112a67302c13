// Creating drafts and reply drafts (§6.9, §6.11).
import { z } from 'zod';
import type { OpenMailbox } from '../access-control';
import { looseArray, PartyInputSchema, serverOwned } from '../body';
import type { MessageRecord } from '../context';
import { dpError, fieldError, validation } from '../errors';
import { emptyMainDocument, newMessage, newParty } from '../records';
import type { InMemoryMailStore } from '../store';
import { isUuid } from '../util';
import { ownerParty, resolveRecipient } from './parties';

export const LABEL_MAX = 256;

export const DraftCreateSchema = z.strictObject({
  ...serverOwned,
  mailboxId: z.string().nullish(),
  folderId: z.string().nullish(),
  messageType: z.string().nullish(),
  label: z.string().max(LABEL_MAX).nullish(),
  flag: z.boolean().nullish(),
  read: z.boolean().nullish(),
  note: z.string().max(4000).nullish(),
  sender: PartyInputSchema.nullish(),
  recipient: PartyInputSchema.nullish(),
  documents: looseArray.nullish(),
  replyData: looseArray.nullish(),
});

/** A reply draft carries its own link as the first replyData entry. */
export const isReplyDraft = (m: MessageRecord): boolean =>
  m.replyData.some((r) => r.childMessageId === m.id && r.parentMessageId);

export const folderOf = (store: InMemoryMailStore, mb: OpenMailbox, folderId: string, code: string) => {
  const folder = isUuid(folderId) ? store.folders.get(folderId.toLowerCase()) : undefined;
  if (!folder || folder.mailboxId !== mb.mailbox.id) {
    throw validation('folder not found', fieldError(code, { field: 'folderId', rejectedValue: folderId }));
  }
  return folder;
};

export const createDraft = (
  store: InMemoryMailStore,
  mb: OpenMailbox,
  input: z.infer<typeof DraftCreateSchema>,
): MessageRecord => {
  const at = store.nowIso();
  const drafts = store.standardFolder(mb.mailbox.id, 'DRAFTS');
  if (input.folderId) {
    const folder = folderOf(store, mb, input.folderId, 'message.create.draft.folderId.notFound');
    if (folder.folderType !== 'DRAFTS') {
      throw validation(
        'wrong folder',
        fieldError('message.create.draft.folderType.not.allowed', {
          field: 'folderId',
          rejectedValue: input.folderId,
          args: [folder.folderType],
        }),
      );
    }
  }
  if (input.messageType && input.messageType !== 'REGULAR') {
    throw validation(
      'wrong message type',
      fieldError('message.create.draft.messageType.not.allowed', {
        field: 'messageType',
        rejectedValue: input.messageType,
        args: [input.messageType, 'REGULAR'],
      }),
    );
  }
  const message = newMessage(store, at, {
    mailboxId: mb.mailbox.id,
    folderId: drafts.id,
    messageState: 'DRAFT',
    sender: ownerParty(store, mb.mailbox, input.sender?.label ?? undefined),
    documents: [emptyMainDocument(store, at)],
    flag: input.flag ?? false,
    read: input.read ?? false,
    ...(input.label ? { label: input.label } : {}),
    ...(input.note ? { note: input.note } : {}),
  });
  if (input.recipient) message.recipient = resolveRecipient(store, undefined, input.recipient);
  return store.addMessage(message);
};

export const createReply = (store: InMemoryMailStore, mb: OpenMailbox, original: MessageRecord): MessageRecord => {
  if (!original.reply || original.messageState !== 'RECEIVED' || !original.sender) {
    throw dpError(400, `ValidationException: A reply draft can not be created for message with id ${original.id}`, [
      fieldError('message.create.reply.notAllowed', { field: 'reply', rejectedValue: original.reply }),
    ]);
  }
  const at = store.nowIso();
  const reply = newMessage(store, at, {
    mailboxId: mb.mailbox.id,
    folderId: store.standardFolder(mb.mailbox.id, 'DRAFTS').id,
    messageState: 'DRAFT',
    label: `Sv: ${original.label ?? ''}`.trimEnd(),
    sender: ownerParty(store, mb.mailbox),
    recipient: newParty(store, original.sender.idValue, original.sender.idType, original.sender.label),
    documents: [emptyMainDocument(store, at)],
  });
  reply.replyData = [
    { id: store.newId(), version: 0, childMessageId: reply.id, parentMessageId: original.id },
    ...original.replyData.map((r) => ({ ...r, id: store.newId(), version: 0 })),
  ];
  return store.addMessage(reply);
};
