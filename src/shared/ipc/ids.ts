import { z } from 'zod';

/**
 * A Digital Post resource id (mailbox, folder, message, document, file, access) as the renderer may name it. Digital
 * Post ids are UUIDs; the bound on length and characters keeps a hostile renderer from smuggling a path segment
 * (`..`, `/`, `?`) into the URLs main builds from it.
 */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/);
