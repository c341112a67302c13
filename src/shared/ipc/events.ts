import { z } from 'zod';

/** The one Electron IPC channel main pushes events on; the preload listens on it and nowhere else. */
export const IPC_EVENT_CHANNEL = 'dp:event';

/**
 * Events main pushes to the renderer (Electron: webContents.send; browser mode: Server-Sent Events).
 * Each domain adds its variants here.
 */
export const AppEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth.changed') }),
  z.object({
    type: z.literal('mail.new'),
    mailboxId: z.string(),
    messageId: z.string(),
    senderLabel: z.string(),
    label: z.string(),
  }),
  z.object({ type: z.literal('mail.open'), mailboxId: z.string(), messageId: z.string() }),
  z.object({ type: z.literal('mail.unread'), total: z.number().int() }),
  /**
   * Progress of a `compose.attach` (by its uploadId): one event per step — creating the document, creating the file,
   * uploading the content — then `done`, `cancelled` or `failed`. `sentBytes` counts content confirmed by the server.
   * During `content`, further events carry `loaded` of `total` file bytes handed to the connection so far (throttled;
   * `loaded` starts again from 0 when the upload is repeated).
   */
  z.object({
    type: z.literal('compose.upload'),
    uploadId: z.string(),
    messageId: z.string(),
    phase: z.enum(['document', 'file', 'content', 'done', 'cancelled', 'failed']),
    sentBytes: z.number().int(),
    totalBytes: z.number().int(),
    loaded: z.number().int().optional(),
    total: z.number().int().optional(),
  }),
  /**
   * The local archive's sync (phase metadata, reconcile or documents, of one mailbox) or one export (by its exportId):
   * `running` while it goes, then `done`, `cancelled` or `failed`.
   */
  z.object({
    type: z.literal('archive.progress'),
    kind: z.enum(['sync', 'export']),
    exportId: z.string().optional(),
    phase: z.enum(['metadata', 'reconcile', 'documents', 'export']),
    state: z.enum(['running', 'done', 'cancelled', 'failed']),
    mailboxId: z.string().optional(),
    done: z.number().int(),
    total: z.number().int(),
    /** An app error code when `failed`. */
    errorCode: z.string().optional(),
  }),
  /** Digital Post could not be reached and what the app shows comes from the local archive (read only), or again not. */
  z.object({ type: z.literal('archive.offline'), offline: z.boolean() }),
]);
export type AppEvent = z.infer<typeof AppEventSchema>;

/**
 * An event as it arrives from the other side of a process boundary, or nothing if it is not one the contract names:
 * every receiver (preload, browser-mode bridge) drops malformed events rather than hand the page a shape it does not
 * expect.
 */
export const parseAppEvent = (data: unknown): AppEvent | undefined => {
  const parsed = AppEventSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
};
