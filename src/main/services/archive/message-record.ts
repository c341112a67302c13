// What the archive indexes from a message, read tolerantly: the raw JSON is stored as it came, and every field here is
// optional, so an unknown enum value or a missing field never keeps a message out of the archive.

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
const bool = (v: unknown): boolean => v === true;

export interface ArchivedFileRef {
  id: string;
  documentId: string;
  documentType?: string | undefined;
  filename?: string | undefined;
  encodingFormat?: string | undefined;
  version?: number | undefined;
  /** Order within the message: documents in their order, files in theirs. */
  position: number;
}

export interface ArchivedMessageRecord {
  id: string;
  mailboxId: string;
  folderId?: string | undefined;
  version?: number | undefined;
  lastUpdated?: string | undefined;
  messageDate?: string | undefined;
  subject?: string | undefined;
  senderLabel?: string | undefined;
  senderId?: string | undefined;
  recipientLabel?: string | undefined;
  recipientId?: string | undefined;
  note?: string | undefined;
  read: boolean;
  flagged: boolean;
  legallyNotified: boolean;
  files: ArchivedFileRef[];
  raw: string;
}

/** The message as the archive keeps it, or undefined when it has no id to key it by (nothing else is required). */
export const toArchivedMessage = (input: unknown, fallbackMailboxId: string): ArchivedMessageRecord | undefined => {
  const m = obj(input);
  const id = str(m?.id);
  if (!m || !id) return undefined;
  const sender = obj(m.sender);
  const recipient = obj(m.recipient);
  const files: ArchivedFileRef[] = [];
  const documents = Array.isArray(m.documents) ? m.documents : [];
  for (const d of documents) {
    const doc = obj(d);
    const documentId = str(doc?.id);
    if (!doc || !documentId) continue;
    for (const f of Array.isArray(doc.files) ? doc.files : []) {
      const file = obj(f);
      const fileId = str(file?.id);
      if (!file || !fileId) continue;
      files.push({
        id: fileId,
        documentId,
        documentType: str(doc.documentType),
        filename: str(file.filename),
        encodingFormat: str(file.encodingFormat),
        version: int(file.version),
        position: files.length,
      });
    }
  }
  return {
    id,
    mailboxId: str(m.mailboxId) ?? fallbackMailboxId,
    folderId: str(m.folderId),
    version: int(m.version),
    lastUpdated: str(m.lastUpdated),
    messageDate: str(m.messageDateTime) ?? str(m.sendDateTime) ?? str(m.createdDateTime),
    subject: str(m.label),
    senderLabel: str(sender?.label),
    senderId: str(sender?.senderId),
    recipientLabel: str(recipient?.label),
    recipientId: str(recipient?.recipientId),
    note: str(m.note),
    read: bool(m.read),
    flagged: bool(m.flag),
    legallyNotified: bool(m.legallyNotified),
    files,
    raw: JSON.stringify(m),
  };
};

/** More than the main document's first file: the letter came with something to open besides itself. */
export const hasAttachments = (files: readonly ArchivedFileRef[]): boolean => files.length > 1;
