import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { MessageSchema, type DpDocument, type DpFile, type Message } from '../../../shared/dp/resources';
import { RECIPIENT_ID_TYPES, isOneOf } from '../../../shared/dp/enums';
import type { DraftContent, DraftView } from '../../../shared/ipc/channels/compose';
import type { DpClient } from '../../services/dp-client/dp-client';
import type { JournalRecord } from '../../services/drafts/journal';
import { appRefusal, isNotFound } from '../../errors';
import type { MainTarget } from './context';
import { contentOf, formatOfFile, sameContent } from './content';
import { fileContentPath, messagePath } from '../../services/dp-client/api-paths';

export const fetchMessage = async (
  api: DpClient,
  mailboxId: string,
  messageId: string,
  signal?: AbortSignal,
): Promise<Message> => {
  const res = await api.get<unknown>(messagePath(mailboxId, messageId), signal ? { signal } : {});
  return MessageSchema.parse(res.data);
};

/** A reply draft carries its own link first in replyData (§6.13.8); Digital Post fixes its label and recipient. */
export const isReplyDraft = (m: Message): boolean =>
  (m.replyData ?? []).some((r) => r.childMessageId === m.id && !!r.parentMessageId);

export const mainDocument = (m: Message): DpDocument | undefined =>
  (m.documents ?? []).find((d) => d.documentType === 'MAIN');

/** The MAIN document's html (preferred) or text file, which the editor writes; a draft with neither cannot be edited here. */
export const mainTargetOf = (m: Message): MainTarget => {
  const doc = mainDocument(m);
  const files = doc?.files ?? [];
  const file =
    files.find((f) => formatOfFile(f.encodingFormat) === 'html') ??
    files.find((f) => formatOfFile(f.encodingFormat) === 'text');
  if (!doc || !file) {
    throw appRefusal(
      APP_ERROR_CODES.composeNoHtmlMain,
      'Kladden har intet HTML- eller teksthoveddokument, der kan redigeres her.',
    );
  }
  return {
    documentId: doc.id,
    fileId: file.id,
    filename: file.filename,
    fileVersion: file.version,
    format: formatOfFile(file.encodingFormat) ?? 'html',
    ...(m.label !== undefined ? { label: m.label } : {}),
  };
};

/** The words a journal entry holds; entries from before plain text existed are html. */
export const journalContent = (r: JournalRecord): DraftContent => contentOf(r.format ?? 'html', r.html);

/** The printed drafts (§6.9.3, §6.10) carry no messageState: only a state that says otherwise refuses. */
export const requireDraft = (m: Message): void => {
  if (m.messageState !== undefined && m.messageState !== 'DRAFT') {
    throw appRefusal(
      APP_ERROR_CODES.composeNotDraft,
      'Meddelelsen er ikke længere en kladde (den er sendt eller slettet).',
    );
  }
};

/** Text content of a file; '' when nothing has been uploaded yet. */
export const readFileText = async (
  api: DpClient,
  mailboxId: string,
  messageId: string,
  documentId: string,
  file: DpFile,
): Promise<string> => {
  // fileSize is printed on some examples and not on others, so only a stated 0 means "nothing uploaded yet".
  if (file.fileSize === 0) return '';
  try {
    const res = await api.getBytes(fileContentPath(mailboxId, messageId, documentId, file.id));
    return Buffer.from(res.data.data).toString('utf8');
  } catch (err) {
    if (isNotFound(err)) return '';
    throw err;
  }
};

export const readMainContent = async (api: DpClient, m: Message, target: MainTarget): Promise<DraftContent> => {
  const file = mainDocument(m)?.files.find((f) => f.id === target.fileId);
  return contentOf(target.format, file ? await readFileText(api, m.mailboxId, m.id, target.documentId, file) : '');
};

export const totalBytes = (m: Message): number =>
  (m.documents ?? []).reduce((sum, d) => sum + d.files.reduce((s, f) => s + (f.fileSize ?? 0), 0), 0);

export const documentView = (d: DpDocument) => ({
  documentId: d.id,
  version: d.version,
  documentType: d.documentType,
  ...(d.label !== undefined ? { label: d.label } : {}),
  files: d.files.map((f) => ({
    fileId: f.id,
    version: f.version,
    filename: f.filename,
    encodingFormat: f.encodingFormat,
    ...(f.fileSize !== undefined ? { fileSize: f.fileSize } : {}),
  })),
});

export const toDraftView = (
  m: Message,
  target: MainTarget,
  content: DraftContent,
  journal?: JournalRecord,
): DraftView => {
  const r = m.recipient;
  const unsaved = journal ? journalContent(journal) : undefined;
  return {
    mailboxId: m.mailboxId,
    messageId: m.id,
    version: m.version,
    ...(m.label !== undefined ? { label: m.label } : {}),
    ...(m.sender?.label !== undefined ? { senderLabel: m.sender.label } : {}),
    // A recipient type the client does not know cannot be edited here; the draft still opens without it.
    ...(r && isOneOf(RECIPIENT_ID_TYPES, r.recipientIdType)
      ? {
          recipient: {
            recipientIdType: r.recipientIdType,
            recipientId: r.recipientId,
            ...(r.label !== undefined ? { label: r.label } : {}),
            ...(r.contactPointId !== undefined ? { contactPointId: r.contactPointId } : {}),
          },
        }
      : {}),
    isReply: isReplyDraft(m),
    main: { documentId: target.documentId, fileId: target.fileId, fileVersion: target.fileVersion },
    format: content.format,
    html: content.format === 'html' ? content.html : '',
    ...(content.format === 'text' ? { text: content.text } : {}),
    attachments: (m.documents ?? []).filter((d) => d.documentType !== 'MAIN').map(documentView),
    totalBytes: totalBytes(m),
    ...(journal && unsaved && !sameContent(unsaved, content)
      ? { unsaved: { ...unsaved, savedAt: journal.savedAt } }
      : {}),
  };
};
