/**
 * Why the archive cannot be opened, in words the settings screen can turn into a sentence:
 * - `no-secure-store`: only the memory fallback is there, so the key would be lost on quit (or we would have to
 *   write it in plain text next to the file it protects);
 * - `key-missing`: an archive file exists but its key is gone from the OS store (keychain reset, other machine);
 * - `wrong-key`: the stored key does not open the file (or the file is damaged);
 * - `native-module`: the SQLite build for this runtime could not be loaded;
 * - `newer-schema`: written by a newer release of the app.
 */
export type ArchiveUnavailableReason =
  'no-secure-store' | 'key-missing' | 'wrong-key' | 'native-module' | 'newer-schema';

export class ArchiveUnavailable extends Error {
  constructor(
    readonly reason: ArchiveUnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ArchiveUnavailable';
  }
}

/** Thrown when an AbortSignal stops a sync or export; whatever was committed before stays. */
export const abortError = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('The operation was aborted', 'AbortError');

export const throwIfAborted = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted) throw abortError(signal);
};
