import { z } from 'zod';
import type { KnownFolderType as FolderType, KnownMessageState as MessageState } from '../../shared/dp/enums';
import { LIMITS } from '../../shared/dp/limits';
import type { OpenMailbox } from './access-control';
import { looseArray, PartyInputSchema, serverOwned } from './body';
import type { DocumentRecord, MailboxRecord, MessageRecord, PartyRecord } from './context';
import { dpError, fieldError, forbidden, validation } from './errors';
import { emptyMainDocument, newDocument, newFile, newMessage, newParty } from './records';
import { knownCvr } from './seed/authorities';
import type { InMemoryMailStore } from './store';
import { isCpr, isCvr, isEmail, isMaskedCpr, isUuid, maskCpr } from './util';
import { documentView } from './views';

// What a mailbox holder can do with a message (§6.9–6.13, state/action matrix §6.16.1). Routes parse and authorise;
// the rules live here so hooks and routes share them.

/** §6.13.4: where a message in each state may be moved. */
const MOVE_TARGETS: Record<MessageState, readonly FolderType[]> = {
  RECEIVED: ['INBOX', 'DELETED', 'USER_DEFINED'],
  DRAFT: ['DRAFTS', 'DELETED', 'USER_DEFINED'],
  SENT: ['SENT', 'DELETED', 'USER_DEFINED'],
};

/** §13.4.1 names no limit for these; these are the sandbox's. */
export const FORWARD_COMMENT_MAX = 1000;
export const FORWARD_LABEL_MAX = 256;
export const EMAIL_FORWARD_MAX_BYTES = 20 * 1024 * 1024;
export const LABEL_MAX = 256;

export const ownerParty = (store: InMemoryMailStore, mailbox: MailboxRecord, label?: string): PartyRecord =>
  newParty(store, mailbox.ownerId, mailbox.ownerType === 'CITIZEN' ? 'CPR' : 'CVR', label ?? mailbox.ownerName);

const DraftCreateSchema = z.strictObject({
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
export { DraftCreateSchema };

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

export const ForwardSchema = z.strictObject({
  recipientId: z.string().max(320).nullish(),
  recipientIdType: z.string().max(16).nullish(),
  comment: z.string().max(100_000).nullish(),
  senderLabel: z.string().max(100_000).nullish(),
  recipientLabel: z.string().max(100_000).nullish(),
  contactPointId: z.string().max(64).nullish(),
});
export type ForwardInput = z.infer<typeof ForwardSchema>;

/** A reply draft carries its own link as the first replyData entry. */
const isReplyDraft = (m: MessageRecord): boolean =>
  m.replyData.some((r) => r.childMessageId === m.id && r.parentMessageId);

type RecipientInput = z.infer<typeof PartyInputSchema>;

/** Validates a draft recipient; returns the new party, or the current one when a masked CPR was echoed (§6.12). */
const resolveRecipient = (
  store: InMemoryMailStore,
  current: PartyRecord | undefined,
  input: RecipientInput,
): PartyRecord => {
  const type = input.recipientIdType ?? '';
  const id = (input.recipientId ?? '').trim();
  if (type !== 'CPR' && type !== 'CVR') {
    throw validation(
      'invalid recipient',
      fieldError('message.recipient.recipientIdType.invalid', {
        field: 'recipient.recipientIdType',
        rejectedValue: type,
        args: [type],
      }),
    );
  }
  if (type === 'CPR') {
    if (isMaskedCpr(id) && current) return current;
    if (!isCpr(id)) {
      throw validation(
        'invalid recipient',
        fieldError('message.recipient.recipientId.cpr.invalid', {
          field: 'recipient.recipientId',
          rejectedValue: maskCpr(id),
          args: [maskCpr(id)],
        }),
      );
    }
  } else if (!isCvr(id) || !knownCvr(id)) {
    // §6.10: a CVR recipient must exist in Digital Post.
    throw validation(
      'invalid recipient',
      fieldError('message.recipient.recipientId.cvr.invalid', {
        field: 'recipient.recipientId',
        rejectedValue: id,
        args: [id],
      }),
    );
  }
  const label = input.label ?? (type === 'CVR' ? knownCvr(id)?.name : undefined);
  const unchanged = current && current.idType === type && current.idValue === id;
  if (unchanged) {
    if ((label ?? undefined) !== current.label || (input.contactPointId ?? undefined) !== current.contactPointId) {
      return {
        ...current,
        version: current.version + 1,
        ...(label != null ? { label } : {}),
        ...(input.contactPointId ? { contactPointId: input.contactPointId } : {}),
      };
    }
    return current;
  }
  const party = newParty(store, id, type, label ?? undefined);
  if (input.contactPointId) party.contactPointId = input.contactPointId;
  party.version = current ? current.version + 1 : 0;
  return party;
};

const folderOf = (store: InMemoryMailStore, mb: OpenMailbox, folderId: string, code: string) => {
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

const totalBytes = (m: MessageRecord): number =>
  m.documents.reduce((sum, d) => sum + d.files.reduce((s, f) => s + (f.content === null ? 0 : f.fileSize), 0), 0);

/** Copies documents for another message; file bytes are immutable and shared. */
export const copyDocuments = (
  store: InMemoryMailStore,
  docs: readonly DocumentRecord[],
  at: string,
): DocumentRecord[] =>
  docs.map((d) =>
    newDocument(
      store,
      at,
      d.documentType,
      d.label,
      d.files.map((f) => {
        const copy = newFile(store, at, {
          encodingFormat: f.encodingFormat,
          filename: f.filename,
          language: f.language,
          content: f.content,
          fileSize: f.fileSize,
        });
        copy.fileSize = f.fileSize;
        return copy;
      }),
    ),
  );

const mailboxOwnedBy = (store: InMemoryMailStore, idType: string, idValue: string): MailboxRecord | undefined =>
  [...store.mailboxes.values()].find(
    (mb) => mb.ownerId === idValue && (idType === 'CPR' ? mb.ownerType === 'CITIZEN' : mb.ownerType === 'COMPANY'),
  );

/** Puts a copy of a sent or forwarded message in a sandbox recipient's inbox, as Digital Post would deliver it. */
const deliverCopy = (store: InMemoryMailStore, sent: MessageRecord): void => {
  if (!sent.recipient || sent.recipient.idType === 'EMAIL') return;
  const target = mailboxOwnedBy(store, sent.recipient.idType, sent.recipient.idValue);
  if (!target) return;
  const at = store.nowIso();
  store.deliver(
    newMessage(store, at, {
      mailboxId: target.id,
      folderId: store.standardFolder(target.id, 'INBOX').id,
      messageState: 'RECEIVED',
      ...(sent.label !== undefined ? { label: sent.label } : {}),
      reply: true,
      forward: true,
      ...(sent.sender ? { sender: { ...sent.sender, id: store.newId(), version: 0 } } : {}),
      recipient: { ...sent.recipient, id: store.newId(), version: 0 },
      documents: copyDocuments(store, sent.documents, at),
      ...(sent.forwardData ? { forwardData: { ...sent.forwardData } } : {}),
    }),
  );
};

export const sendDraft = (store: InMemoryMailStore, mb: OpenMailbox, message: MessageRecord): MessageRecord => {
  if (message.messageState !== 'DRAFT') {
    throw validation(
      'Unable to send message',
      fieldError('message.send.invalid.state', {
        field: 'messageState',
        rejectedValue: message.messageState,
        args: [message.messageState],
      }),
    );
  }
  if (store.folders.get(message.folderId)?.folderType !== 'DRAFTS') {
    throw validation(
      'Unable to send message',
      fieldError('message.send.invalid.folder', { field: 'folderId', rejectedValue: message.folderId }),
    );
  }
  const errors = [];
  if (!message.label?.trim()) errors.push(fieldError('message.send.label.required', { field: 'label' }));
  if (!message.sender?.label?.trim())
    errors.push(fieldError('message.send.sender.label.required', { field: 'sender.label' }));
  if (!message.recipient) errors.push(fieldError('message.send.recipient.required', { field: 'recipient' }));
  const mains = message.documents.filter((d) => d.documentType === 'MAIN');
  const docsView = message.documents.map(documentView);
  if (mains.length === 0)
    errors.push(fieldError('message.send.documents.required', { field: 'documents', rejectedValue: docsView }));
  if (mains.length > 1)
    errors.push(fieldError('message.send.documents.main.exceeds.max', { field: 'documents', rejectedValue: docsView }));
  for (const doc of message.documents) {
    if (doc.files.length === 0)
      errors.push(fieldError('message.send.documents.files.required', { field: 'documents', rejectedValue: docsView }));
    for (const file of doc.files) {
      if (file.content === null) {
        errors.push(
          fieldError('message.send.documents.files.content.required', {
            field: 'documents',
            rejectedValue: docsView,
            args: [file.id],
          }),
        );
      }
    }
  }
  if (totalBytes(message) > LIMITS.maxMessageBytes) {
    errors.push(
      fieldError('message.total.file.size.exceeds.allowed.size', {
        field: 'documents',
        args: [`${LIMITS.maxMessageBytes / 1024 / 1024} MB`],
      }),
    );
  }
  if (errors.length > 0) throw dpError(400, 'ValidationException: Unable to send message', errors);

  const at = store.nowIso();
  const sentFolder = store.standardFolder(mb.mailbox.id, 'SENT');
  store.updateMessage(message, (m) => {
    m.messageState = 'SENT';
    m.folderId = sentFolder.id;
    m.sendDateTime = at;
    m.messageDateTime = at;
  });
  const link = message.replyData.find((r) => r.childMessageId === message.id && r.parentMessageId);
  const original = link?.parentMessageId ? store.messages.get(link.parentMessageId) : undefined;
  if (original) {
    store.updateMessage(original, (o) => {
      o.userActivities.push({
        id: store.newId(),
        version: 0,
        userActivityType: 'REPLIED',
        activityDateTime: at,
        messageId: message.id,
      });
    });
  }
  deliverCopy(store, message);
  return message;
};

export const forwardMessage = (
  store: InMemoryMailStore,
  mb: OpenMailbox,
  original: MessageRecord,
  input: ForwardInput,
): MessageRecord => {
  if (!original.forward || original.forwarded || original.messageState === 'DRAFT') {
    throw validation(
      `message ${original.id} can not be forwarded`,
      fieldError('message.create.forward.notAllowed', { field: 'forward', rejectedValue: original.forward }),
    );
  }
  const type = input.recipientIdType ?? '';
  const id = (input.recipientId ?? '').trim();
  const errors = [];
  if (!input.recipientIdType)
    errors.push(fieldError('message.create.forward.recipientIdType.notNull', { field: 'recipientIdType' }));
  else if (!['EMAIL', 'CPR', 'CVR'].includes(type))
    errors.push(
      fieldError('message.create.forward.recipientIdType.invalid', {
        field: 'recipientIdType',
        rejectedValue: type,
        args: [type],
      }),
    );
  if (id === '') errors.push(fieldError('message.create.forward.recipientId.notBlank', { field: 'recipientId' }));
  else if (type === 'EMAIL' && !isEmail(id))
    errors.push(
      fieldError('message.create.forward.recipientId.email.invalid', {
        field: 'recipientId',
        rejectedValue: id,
        args: [id],
      }),
    );
  else if (type === 'CPR' && !isCpr(id))
    errors.push(
      fieldError('message.create.forward.recipientId.cpr.invalid', {
        field: 'recipientId',
        rejectedValue: maskCpr(id),
        args: [maskCpr(id)],
      }),
    );
  else if (type === 'CVR' && (!isCvr(id) || !knownCvr(id)))
    errors.push(
      fieldError('message.create.forward.recipientId.cvr.invalid', {
        field: 'recipientId',
        rejectedValue: id,
        args: [id],
      }),
    );
  if ((input.comment ?? '').length > FORWARD_COMMENT_MAX)
    errors.push(
      fieldError('message.create.forward.comment.size', { field: 'comment', args: ['comment', FORWARD_COMMENT_MAX] }),
    );
  if ((input.senderLabel ?? '').length > FORWARD_LABEL_MAX)
    errors.push(
      fieldError('message.create.forward.senderLabel.size', {
        field: 'senderLabel',
        args: ['senderLabel', FORWARD_LABEL_MAX],
      }),
    );
  if ((input.recipientLabel ?? '').length > FORWARD_LABEL_MAX)
    errors.push(
      fieldError('message.create.forward.recipientLabel.size', {
        field: 'recipientLabel',
        args: ['recipientLabel', FORWARD_LABEL_MAX],
      }),
    );
  if (type === 'EMAIL' && totalBytes(original) > EMAIL_FORWARD_MAX_BYTES) {
    errors.push(
      fieldError('message.create.forward.size.exceeds.allowed.size', {
        field: 'documents',
        args: [totalBytes(original), EMAIL_FORWARD_MAX_BYTES],
      }),
    );
  }
  if (errors.length > 0) throw dpError(400, 'ValidationException: Unable to forward message', errors);
  // Forwarding to an authority is not among a legal representative's roles (§6.3, forward to authority).
  if (type === 'CVR' && mb.isLegalRepresentative)
    throw forbidden('a legal representative cannot forward to an authority');

  const at = store.nowIso();
  const label = `Vs: ${original.label ?? ''}`.trimEnd();
  const forwarded = store.addMessage(
    newMessage(store, at, {
      mailboxId: mb.mailbox.id,
      folderId: store.standardFolder(mb.mailbox.id, 'SENT').id,
      messageState: 'SENT',
      label,
      sendDateTime: at,
      sender: ownerParty(store, mb.mailbox, input.senderLabel ?? undefined),
      recipient: newParty(
        store,
        id,
        type as PartyRecord['idType'],
        input.recipientLabel ?? (type === 'CVR' ? knownCvr(id)?.name : undefined),
      ),
      documents: copyDocuments(store, original.documents, at),
      forwardData: {
        originalMessageId: original.id,
        ...(original.sender ? { originalSender: original.sender.idValue } : {}),
        ...(original.sender?.label ? { originalContentResponsible: original.sender.label } : {}),
        ...(input.comment ? { comment: input.comment } : {}),
        originalMessageDateTime: original.messageDateTime,
      },
    }),
  );
  forwarded.replyData = [{ id: store.newId(), version: 0, childMessageId: original.id }];
  store.updateMessage(original, (o) => {
    o.forwarded = true;
    o.userActivities.push({
      id: store.newId(),
      version: 0,
      userActivityType: 'FORWARDED',
      activityDateTime: at,
      messageId: forwarded.id,
    });
  });
  if (type === 'EMAIL') {
    store.outbox.push({
      kind: 'email',
      to: id,
      subject: label,
      body: [input.comment ?? '', `Videresendt fra Digital Post af ${input.senderLabel ?? mb.mailbox.ownerName}.`]
        .filter(Boolean)
        .join('\n\n'),
      messageId: forwarded.id,
      attachments: original.documents.flatMap((d) =>
        d.files.map((f) => ({ filename: f.filename, encodingFormat: f.encodingFormat, fileSize: f.fileSize })),
      ),
    });
  } else {
    deliverCopy(store, forwarded);
  }
  return forwarded;
};

export const deleteMessage = (store: InMemoryMailStore, mb: OpenMailbox, message: MessageRecord): void => {
  if (message.messageState !== 'DRAFT') {
    throw validation(
      'only drafts can be deleted',
      fieldError('message.delete.state.not.allowed', {
        field: 'messageState',
        rejectedValue: message.messageState,
        args: [message.messageState],
      }),
    );
  }
  if (!mb.canWrite) throw forbidden('read-only access');
  store.deleteMessage(message);
};
