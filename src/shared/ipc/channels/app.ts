import { z } from 'zod';
import { channel, noInput } from '../define';

export const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  platform: z.string(),
});

export const appChannels = {
  'app.info': channel(noInput, AppInfoSchema),
  /** Opens an https: or mailto: link outside the app after the user agreed; anything else is refused in main. */
  'app.openExternal': channel(z.strictObject({ url: z.string().max(4096) }), z.object({ opened: z.boolean() })),
};
