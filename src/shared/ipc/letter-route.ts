import { z } from 'zod';

/**
 * The app's own view of one HTML letter: the renderer at `#letter=<mailbox>/<message>/<document>/<file>` shows only
 * that letter, sanitised like the message view. Electron opens it in a window of its own; browser mode in a new tab.
 */
const PREFIX = '#letter=';

const LetterRefSchema = z.strictObject({
  mailboxId: z.string().min(1).max(200),
  messageId: z.string().min(1).max(200),
  documentId: z.string().min(1).max(200),
  fileId: z.string().min(1).max(200),
});
export type LetterRef = z.infer<typeof LetterRefSchema>;

export const letterHash = (ref: LetterRef): string =>
  PREFIX + [ref.mailboxId, ref.messageId, ref.documentId, ref.fileId].map(encodeURIComponent).join('/');

/** The letter a hash names, or null for any other hash (the ordinary app). */
export const parseLetterHash = (hash: string): LetterRef | null => {
  if (!hash.startsWith(PREFIX)) return null;
  const parts = hash.slice(PREFIX.length).split('/');
  if (parts.length !== 4) return null;
  try {
    const [mailboxId, messageId, documentId, fileId] = parts.map(decodeURIComponent);
    const parsed = LetterRefSchema.safeParse({ mailboxId, messageId, documentId, fileId });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
