import { z } from 'zod';

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
]);
export type AppEvent = z.infer<typeof AppEventSchema>;
