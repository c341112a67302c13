import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore, type SecretStore } from '../secret-store';
import { createPersonJournal, type JournalOwner, type PersonJournalOptions } from './person-journal';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dp-person-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LONE: JournalOwner = { environment: 'test', sub: 'sub-lone' };
const KARL: JournalOwner = { environment: 'test', sub: 'sub-karl' };

/** A keychain-like store that keeps its secret across "restarts" (the same object is handed out again). */
const keychain = (): SecretStore => {
  const store = createMemorySecretStore();
  return { ...store, kind: 'keychain' };
};

const setup = (overrides: Partial<PersonJournalOptions> = {}) => {
  let who: JournalOwner | undefined = LONE;
  const stores = new Map<string, SecretStore>();
  const options: PersonJournalOptions = {
    dir,
    owner: () => Promise.resolve(who),
    keyStoreFor: (env) => {
      if (!stores.has(env)) stores.set(env, keychain());
      return Promise.resolve(stores.get(env)!);
    },
    log: () => undefined,
    ...overrides,
  };
  return {
    journal: createPersonJournal(options),
    restart: (more: Partial<PersonJournalOptions> = {}) => createPersonJournal({ ...options, ...more }),
    as: (owner: JournalOwner | undefined) => (who = owner),
    stores,
  };
};

const words = (messageId: string, html: string, label = 'Emne') => ({ mailboxId: 'mb-1', messageId, html, label });

const filesUnder = async (at: string): Promise<string[]> => {
  const out: string[] = [];
  for (const e of await readdir(at, { withFileTypes: true }).catch(() => [])) {
    const path = join(at, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
};

describe('the journal of the logged-in person', () => {
  it('offers one person’s entries to nobody else in the same environment', async () => {
    const s = setup();
    await s.journal.write(words('m-1', '<p>Lones ord</p>', 'Lones emne'));
    s.as(KARL);
    expect(await s.journal.list()).toEqual([]);
    expect(await s.journal.get('mb-1', 'm-1')).toBeUndefined();
    expect(await s.journal.remove('mb-1', 'm-1')).toBe(false);
    await s.journal.write(words('m-2', '<p>Karls ord</p>'));
    expect((await s.journal.list()).map((r) => r.html)).toEqual(['<p>Karls ord</p>']);
    s.as(LONE);
    expect((await s.journal.list()).map((r) => r.html)).toEqual(['<p>Lones ord</p>']);
    // Two folders, named by neither sub.
    const folders = await readdir(join(dir, 'test'));
    expect(folders).toHaveLength(2);
    for (const f of folders) expect(f).not.toMatch(/lone|karl/i);
  });

  it('keeps the same person’s entries in another environment apart', async () => {
    const s = setup();
    await s.journal.write(words('m-1', '<p>test</p>'));
    s.as({ ...LONE, environment: 'prod' });
    expect(await s.journal.list()).toEqual([]);
    await s.journal.write(words('m-1', '<p>prod</p>'));
    expect((await s.journal.get('mb-1', 'm-1'))?.html).toBe('<p>prod</p>');
    s.as(LONE);
    expect((await s.journal.get('mb-1', 'm-1'))?.html).toBe('<p>test</p>');
    expect(s.stores.size).toBe(2);
  });

  it('offers nothing while nobody is logged in; a save landing just after logout stays with its person', async () => {
    const s = setup();
    await s.journal.list();
    s.as(undefined);
    expect(await s.journal.list()).toEqual([]);
    expect(await s.journal.storage()).toBeUndefined();
    await s.journal.write(words('m-1', '<p>sidste ord</p>'));
    s.as(KARL);
    expect(await s.journal.list()).toEqual([]);
    s.as(LONE);
    expect((await s.journal.list()).map((r) => r.html)).toEqual(['<p>sidste ord</p>']);
  });

  it('refuses a write when no one has been logged in', async () => {
    const s = setup();
    s.as(undefined);
    await expect(s.journal.write(words('m-1', 'x'))).rejects.toMatchObject({
      appError: { code: 'app.auth.not-logged-in' },
    });
  });

  it('keeps the entries sealed on disk for the same person after logout and a restart', async () => {
    const s = setup();
    await s.journal.write(words('m-1', '<p>Hemmelige ord</p>', 'Hemmeligt emne'));
    expect(await s.journal.storage()).toBe('disk');
    for (const file of await filesUnder(dir)) {
      const data = await readFile(file);
      expect(data.includes(Buffer.from('Hemmelig'))).toBe(false);
    }
    s.as(undefined);
    const again = s.restart();
    s.as(KARL);
    expect(await again.list()).toEqual([]);
    s.as(LONE);
    expect(await again.list()).toEqual([
      expect.objectContaining({ html: '<p>Hemmelige ord</p>', label: 'Hemmeligt emne' }),
    ]);
  });

  it('without a secure store keeps the words in memory only and says so', async () => {
    const s = setup({ keyStoreFor: () => Promise.resolve(createMemorySecretStore()) });
    await s.journal.write(words('m-1', '<p>flygtige ord</p>'));
    expect(await s.journal.storage()).toBe('memory');
    expect(await filesUnder(dir)).toEqual([]);
    // Still one person's: the next person in this run is offered none of it, the same person gets it back.
    s.as(KARL);
    expect(await s.journal.list()).toEqual([]);
    s.as(LONE);
    expect((await s.journal.list()).map((r) => r.html)).toEqual(['<p>flygtige ord</p>']);
    // Gone with the process.
    expect(await s.restart().list()).toEqual([]);
  });

  it('falls back to memory when the key cannot be stored', async () => {
    const failing: SecretStore = { ...keychain(), set: () => Promise.reject(new Error('locked')) };
    const s = setup({ keyStoreFor: () => Promise.resolve(failing) });
    await s.journal.write(words('m-1', 'x'));
    expect(await s.journal.storage()).toBe('memory');
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('a damaged entry is refused, not a crash', async () => {
    const s = setup();
    await s.journal.write(words('m-1', '<p>a</p>'));
    await s.journal.write(words('m-2', '<p>b</p>'));
    const [file] = await filesUnder(dir);
    const data = await readFile(file!);
    data[data.length - 1] = data[data.length - 1]! ^ 0xff;
    await writeFile(file!, data);
    expect(await s.journal.list()).toHaveLength(1);
  });
});

describe('entries of an earlier version (plain JSON, no owner)', () => {
  const legacy = (messageId: string, html: string) => ({
    mailboxId: 'mb-1',
    messageId,
    html,
    label: 'Gammel kladde',
    baseFileVersion: 2,
    savedAt: '2026-01-01T00:00:00.000Z',
    seq: 1000,
  });
  const writeLegacy = (messageId: string, html: string) =>
    writeFile(join(dir, `mb-1__${messageId}.draft.json`), JSON.stringify(legacy(messageId, html)));

  it('go to the person Digital Post lets open the draft, sealed, and the plaintext is deleted', async () => {
    await writeLegacy('lones', '<p>Lones gamle ord</p>');
    await writeLegacy('karls', '<p>Karls gamle ord</p>');
    const opens: Record<string, string[]> = { 'sub-lone': ['lones'], 'sub-karl': ['karls'] };
    let who: JournalOwner = KARL;
    const s = setup({
      owner: () => Promise.resolve(who),
      canOpenDraft: (_mb, messageId) => Promise.resolve(opens[who.sub]!.includes(messageId)),
    });
    expect(await s.journal.list()).toEqual([expect.objectContaining(legacy('karls', '<p>Karls gamle ord</p>'))]);
    // No plaintext left: Lone's entry waits sealed, unclaimed, for someone the server lets open it.
    const plain = (await filesUnder(dir)).filter((f) => f.endsWith('.json'));
    expect(plain).toEqual([]);
    for (const file of await filesUnder(dir))
      expect((await readFile(file)).includes(Buffer.from('gamle ord'))).toBe(false);
    who = LONE;
    expect(await s.journal.list()).toEqual([expect.objectContaining({ html: '<p>Lones gamle ord</p>', seq: 1000 })]);
    who = KARL;
    expect((await s.journal.list()).map((r) => r.messageId)).toEqual(['karls']);
  });

  it('stay where they are while Digital Post cannot be asked, and are not shown meanwhile', async () => {
    await writeLegacy('m-1', '<p>ord</p>');
    let online = false;
    const s = setup({
      canOpenDraft: () => (online ? Promise.resolve(true) : Promise.reject(new Error('offline'))),
    });
    expect(await s.journal.list()).toEqual([]);
    expect(await readdir(dir)).toContain('mb-1__m-1.draft.json');
    online = true;
    const later = s.restart();
    expect((await later.list()).map((r) => r.html)).toEqual(['<p>ord</p>']);
    expect(await readdir(dir)).not.toContain('mb-1__m-1.draft.json');
  });

  it('are neither shown nor touched without a secure store (they could not be sealed)', async () => {
    await writeLegacy('m-1', '<p>ord</p>');
    const s = setup({
      keyStoreFor: () => Promise.resolve(createMemorySecretStore()),
      canOpenDraft: () => Promise.resolve(true),
    });
    expect(await s.journal.list()).toEqual([]);
    expect(await readdir(dir)).toEqual(['mb-1__m-1.draft.json']);
  });
});
