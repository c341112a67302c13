// Sending a draft (§6.10), and delivering a copy to a sandbox recipient's inbox as Digital Post would.
import { LIMITS } from '../../../shared/dp/limits';
import type { OpenMailbox } from '../access-control';
import type { DocumentRecord, MailboxRecord, MessageRecord } from '../context';
import { dpError, fieldError, rejected, validation } from '../errors';
import { newDocument, newFile, newMessage } from '../records';
import type { InMemoryMailStore } from '../store';
import { documentView } from '../views';

export const totalBytes = (m: MessageRecord): number =>
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
export const deliverCopy = (store: InMemoryMailStore, sent: MessageRecord): void => {
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
      rejected('message.send.invalid.state', 'messageState', message.messageState),
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
