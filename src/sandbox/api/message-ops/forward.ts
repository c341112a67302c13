// Forwarding a received message to a person, a company or an e-mail address (§6.12).
import { z } from 'zod';
import type { OpenMailbox } from '../access-control';
import type { MessageRecord, PartyRecord } from '../context';
import { dpError, fieldError, forbidden, rejected, validation } from '../errors';
import { newMessage, newParty } from '../records';
import { knownCvr } from '../seed/authorities';
import type { InMemoryMailStore } from '../store';
import { isCpr, isCvr, isEmail, maskCpr } from '../util';
import { ownerParty } from './parties';
import { copyDocuments, deliverCopy, totalBytes } from './delivery';

/** §13.4.1 names no limit for these; these are the sandbox's. */
export const FORWARD_COMMENT_MAX = 1000;
export const FORWARD_LABEL_MAX = 256;
export const EMAIL_FORWARD_MAX_BYTES = 20 * 1024 * 1024;

export const ForwardSchema = z.strictObject({
  recipientId: z.string().max(320).nullish(),
  recipientIdType: z.string().max(16).nullish(),
  comment: z.string().max(100_000).nullish(),
  senderLabel: z.string().max(100_000).nullish(),
  recipientLabel: z.string().max(100_000).nullish(),
  contactPointId: z.string().max(64).nullish(),
});
export type ForwardInput = z.infer<typeof ForwardSchema>;

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
    errors.push(rejected('message.create.forward.recipientIdType.invalid', 'recipientIdType', type));
  if (id === '') errors.push(fieldError('message.create.forward.recipientId.notBlank', { field: 'recipientId' }));
  else if (type === 'EMAIL' && !isEmail(id))
    errors.push(rejected('message.create.forward.recipientId.email.invalid', 'recipientId', id));
  else if (type === 'CPR' && !isCpr(id))
    errors.push(rejected('message.create.forward.recipientId.cpr.invalid', 'recipientId', maskCpr(id)));
  else if (type === 'CVR' && (!isCvr(id) || !knownCvr(id)))
    errors.push(rejected('message.create.forward.recipientId.cvr.invalid', 'recipientId', id));
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
      memoCreatedDateTime: at,
      ...(original.contentData ? { contentData: structuredClone(original.contentData) } : {}),
      forwardData: {
        id: store.newId(),
        version: 0,
        newMemoId: store.newId(),
        originalMessageId: original.id,
        ...(original.sender ? { originalSender: original.sender.idValue } : {}),
        ...(original.sender?.label ? { originalContentResponsible: original.sender.label } : {}),
        ...(input.comment ? { comment: input.comment } : {}),
        originalMessageDateTime: original.messageDateTime,
      },
    }),
  );
  forwarded.replyData = [{ id: store.newId(), version: 0, childMessageId: original.id, additionalReplyData: [] }];
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
