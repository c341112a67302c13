import { z } from 'zod';
import { IdSchema as Id } from '../ids';
import { channel } from '../define';

// A letter's actions (assumptions.ts DOCUMENT_ACTION_SHAPE). Links go out through app.openExternal like any other
// link; what main does itself is put an appointment in a calendar file. The renderer names the action by where it
// sits, and main reads the action from Digital Post again rather than taking times or places from the page.

export const ActionRefSchema = z.strictObject({
  mailboxId: Id,
  messageId: Id,
  documentId: Id,
  /** Position in the document's `actions` array. */
  index: z.number().int().min(0).max(1000),
});
export type ActionRef = z.infer<typeof ActionRefSchema>;

export const actionChannels = {
  /**
   * "Tilføj til kalender": an RFC 5545 .ics of the appointment. Electron: a save dialog in main (saved tells whether
   * it was written); browser mode: saved:false and a one-time `downloadPath` on its own server, like files.save.
   */
  'actions.calendar': channel(
    ActionRefSchema,
    z.object({
      saved: z.boolean(),
      downloadPath: z
        .string()
        .regex(/^\/download\/[A-Za-z0-9_-]{1,100}$/)
        .optional(),
    }),
  ),
};
