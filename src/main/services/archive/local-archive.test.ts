import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore, type SecretStore } from '../secret-store';
import { fakeMessage } from './archive.test-support';
import { toArchivedMessage } from './message-record';
import { ArchiveUnavailable, openLocalArchive } from './index';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'dp-local-archive-'));
  dirs.push(d);
  return d;
};

const keychain = (): SecretStore => {
  let value: string | null = null;
  return {
    kind: 'keychain',
    get: () => Promise.resolve(value),
    set: (v) => Promise.resolve(void (value = v)),
    delete: () => Promise.resolve(void (value = null)),
  };
};

const reasonOf = async (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => undefined,
    (e: unknown) => (e instanceof ArchiveUnavailable ? e.reason : Promise.reject(e)),
  );

describe('openLocalArchive', () => {
  it('creates the archive with its key, and opens it again with the same key', async () => {
    const dir = tempDir();
    const keyStore = keychain();
    const options = { dir, env: 'test', sub: 'sub-0101901234', keyStore };
    const first = await openLocalArchive(options);
    const record = toArchivedMessage(fakeMessage({ id: 'x', label: 'Gemt brev' }), 'mb')!;
    first.store.storePage('mb', [record], undefined);
    first.close();
    expect(readdirSync(dir).join(' ')).not.toContain('0101901234');

    const again = await openLocalArchive(options);
    expect(again.search({ text: 'gemt' }).hits.map((h) => h.message.id)).toEqual(['x']);
    again.close();
  });

  it('says why it cannot open: no secure store, or the key is gone while the file is there', async () => {
    const dir = tempDir();
    expect(await reasonOf(openLocalArchive({ dir, env: 'test', sub: 's', keyStore: createMemorySecretStore() }))).toBe(
      'no-secure-store',
    );
    expect(readdirSync(dir)).toEqual([]);
    const keyStore = keychain();
    (await openLocalArchive({ dir, env: 'test', sub: 's', keyStore })).close();
    await keyStore.delete();
    expect(await reasonOf(openLocalArchive({ dir, env: 'test', sub: 's', keyStore }))).toBe('key-missing');
    // Another person on the same machine has an archive (and key) of their own.
    const other = await openLocalArchive({ dir, env: 'test', sub: 'someone-else', keyStore: keychain() });
    other.close();
  });
});
