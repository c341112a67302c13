import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Temp file, fsync, rename, fsync of the folder: after a crash or a power cut the file holds the old bytes or the
 * new ones, never an empty file (a rename alone can reach the disk before the data does). Owner-only: drafts are
 * private post.
 */
export const writeDurably = async (path: string, data: Uint8Array): Promise<void> => {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  // Not every platform can open a folder for fsync (Windows); the rename is already done, so this is best effort.
  const folder = await open(dir, 'r').catch(() => undefined);
  if (folder)
    await folder
      .sync()
      .catch(() => undefined)
      .finally(() => folder.close());
};
