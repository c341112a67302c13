import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { safeFilename } from '../../../shared/dp/filenames';

const PREFIX = 'digital-post-';
const created = new Set<string>();

/**
 * The last path segment only, scrubbed, never empty or a dot name: the file must land inside our folder whatever the
 * name. Callers pass an already scrubbed, format-forced name; this is the file system's own guard.
 */
export const safeLeafName = (name: string): string => safeFilename(basename(name.replace(/\\/g, '/')));

/**
 * Writes post content where only this user can read it: a fresh 0700 folder under the OS temp dir and a 0600 file,
 * so the system app can open it (Electron glue: shell.openPath) without other local users seeing the letter.
 * Returns the file's path.
 */
export const writePrivateTempFile = async (name: string, bytes: Uint8Array): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), PREFIX));
  created.add(dir);
  // mkdtemp already uses 0700 on POSIX; the chmod makes it explicit whatever the umask.
  await chmod(dir, 0o700);
  const file = join(dir, safeLeafName(name));
  await writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
  return file;
};

/** Removes the folders this process created (at logout and on quit); files still open in another app may keep theirs on Windows. */
export const removePrivateTempFiles = async (): Promise<void> => {
  const dirs = [...created];
  created.clear();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }).catch(() => undefined)));
};
