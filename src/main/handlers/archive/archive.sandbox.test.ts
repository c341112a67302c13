import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/ipc/events';
import {
  dir,
  login,
  net,
  sandbox,
  start,
  storedRefreshToken,
  useAuthFlowSandbox,
} from '../../app/auth-flow.test-support';
import type { DesktopServices } from '../../app/app-services';
import type { CallContext } from '../../ipc/dispatch';
import { splitMboxrd } from '../../services/archive/export-mail';
import { takeDownload } from '../../services/files/download-offers';
import { createMemorySecretStore, type SecretStore } from '../../services/secret-store';

useAuthFlowSandbox();

const call: CallContext = { transport: 'browser' };

/** A keychain-kind store in memory: the archive accepts it, and nothing reaches the real OS store. */
const fakeKeychain = (): SecretStore => {
  let value: string | null = null;
  return {
    kind: 'keychain',
    get: () => Promise.resolve(value),
    set: (v) => Promise.resolve(void (value = v)),
    delete: () => Promise.resolve(void (value = null)),
  };
};

const startWithArchive = async (keyStore: SecretStore = fakeKeychain()) => {
  const asked = { count: 0 };
  const services = await start({
    extra: {
      archiveKeyStoreFor: () => {
        asked.count += 1;
        return Promise.resolve(keyStore);
      },
    },
  });
  return { services, keyStore, asked };
};

const h = (s: DesktopServices) => s.handlers;

const syncEnd = (s: DesktopServices): Promise<AppEvent & { type: 'archive.progress' }> =>
  new Promise((resolve) => {
    const off = s.events.subscribe((e) => {
      if (e.type === 'archive.progress' && e.kind === 'sync' && e.state !== 'running') {
        off();
        resolve(e);
      }
    });
  });

const ownMailbox = async (s: DesktopServices): Promise<string> => {
  const { mailboxes } = await h(s)['mailboxes.list'](undefined, call);
  return mailboxes.find((m) => m.own)!.id;
};

describe('the archive handlers', () => {
  it('are off until someone logs in, then keep a mailbox, search it and export it from the archive', async () => {
    const { services, keyStore } = await startWithArchive();
    expect(await h(services)['archive.status'](undefined, call)).toMatchObject({
      available: false,
      reason: 'not-logged-in',
    });
    await login(services);
    expect(await h(services)['archive.status'](undefined, call)).toEqual({ available: true, mailboxes: [] });
    const mailboxId = await ownMailbox(services);

    // Not archived yet: the list must ask Digital Post.
    expect((await h(services)['archive.search']({ mailboxId, text: 'fradrag' }, call)).covered).toBe(false);

    const progress: (AppEvent & { type: 'archive.progress' })[] = [];
    services.events.subscribe((e) => void (e.type === 'archive.progress' && progress.push(e)));
    const ended = syncEnd(services);
    await h(services)['archive.configure']({ mailboxId, enabled: true, withDocuments: true }, call);
    expect((await ended).state).toBe('done');
    expect(progress.some((p) => p.phase === 'metadata' && p.state === 'running' && p.total > 0)).toBe(true);
    expect(progress.some((p) => p.phase === 'documents' && p.done === p.total && p.total > 0)).toBe(true);

    const status = await h(services)['archive.status'](undefined, call);
    expect(status.mailboxes).toHaveLength(1);
    expect(status.mailboxes[0]).toMatchObject({ mailboxId, withDocuments: true, complete: true, documentsPending: 0 });
    expect(status.mailboxes[0]!.messages).toBeGreaterThan(10);
    expect(status.mailboxes[0]!.lastSyncAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // A word only inside a PDF, found locally with the part to mark.
    const found = await h(services)['archive.search']({ mailboxId, text: 'beløbsgrænser' }, call);
    expect(found.covered).toBe(true);
    expect(found.messages.map((m) => m.label)).toEqual(['Vejledning om fradrag – samlet oversigt']);
    expect(found.snippets[0]!.parts.some((p) => p.match && p.text.toLowerCase() === 'beløbsgrænser')).toBe(true);
    expect(found.terms).toEqual([{ words: ['beløbsgrænser'], prefix: true }]);
    // The list's own filters apply to the local search too.
    const day = found.messages[0]!.messageDateTime!.slice(0, 10);
    const onDay = await h(services)['archive.search'](
      { mailboxId, text: 'beløbsgrænser', dateFrom: day, dateTo: day },
      call,
    );
    expect(onDay.total).toBe(1);
    const before = await h(services)['archive.search'](
      { mailboxId, text: 'beløbsgrænser', dateTo: '2000-01-01' },
      call,
    );
    expect(before.total).toBe(0);

    // Without an export picker (browser mode): the .mbox as a one-time download, parsed back with every attachment byte for byte.
    const mbox = await h(services)['archive.export'](
      { exportId: 'e1', format: 'mbox', scope: { kind: 'search', mailboxId, text: 'fradrag' } },
      call,
    );
    expect(mbox).toMatchObject({ saved: false, cancelled: false, skipped: 0 });
    expect(mbox.exported).toBeGreaterThan(0);
    const offer = takeDownload(mbox.downloadPath!.replace('/download/', ''))!;
    expect(offer.name).toMatch(/\.mbox$/);
    const mails = await Promise.all(splitMboxrd(Buffer.from(offer.bytes)).map((m) => simpleParser(m)));
    expect(mails).toHaveLength(mbox.exported);
    const guide = mails.find((m) => m.subject === 'Vejledning om fradrag – samlet oversigt')!;
    const pdf = guide.attachments.find((a) => a.contentType === 'application/pdf')!;
    const archive = (await services.archive.current())!;
    const stored = archive.store.files(found.messages[0]!.id).find((f) => f.encodingFormat === 'application/pdf')!;
    expect(
      Buffer.compare(pdf.content, archive.store.fileContent(stored.messageId, stored.documentId, stored.id)!),
    ).toBe(0);

    // The folder export as a .zip: the manifest names every file, with the hash of its bytes.
    const zip = await h(services)['archive.export'](
      { exportId: 'e2', format: 'folder', scope: { kind: 'selection', messageIds: [found.messages[0]!.id] } },
      call,
    );
    const files = unzipSync(takeDownload(zip.downloadPath!.replace('/download/', ''))!.bytes);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as {
      letters: { files: { path: string; sha256: string }[] }[];
    };
    expect(manifest.letters).toHaveLength(1);
    const { createHash } = await import('node:crypto');
    for (const f of manifest.letters[0]!.files) {
      expect(createHash('sha256').update(files[f.path]!).digest('hex')).toBe(f.sha256);
    }
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['index.html', 'index.csv']));

    // Switching the mailbox off removes its copy; deleting removes the file and the key.
    const off = await h(services)['archive.configure']({ mailboxId, enabled: false, withDocuments: false }, call);
    expect(off.mailboxes).toEqual([]);
    const file = archive.file;
    expect(existsSync(file)).toBe(true);
    expect(await h(services)['archive.delete'](undefined, call)).toEqual({ available: true, mailboxes: [] });
    expect(existsSync(file)).toBe(false);
    expect(await keyStore.get()).toBeNull();
    expect(readdirSync(join(dir, 'archive')).filter((f) => f.startsWith('archive-'))).toEqual([]);
  });

  it('stays off without a secure key store and says so', async () => {
    const { services, asked } = await startWithArchive(createMemorySecretStore());
    await login(services);
    const mailboxId = await ownMailbox(services);
    await h(services)['archive.status'](undefined, call);
    await h(services)['archive.status'](undefined, call);
    // Making a key store probes the OS keychain: once per person, however often the handlers look for the archive.
    expect(asked.count).toBe(1);
    await expect(
      h(services)['archive.configure']({ mailboxId, enabled: true, withDocuments: false }, call),
    ).rejects.toMatchObject({ appError: { code: 'app.archive.unavailable' } });
    expect(await h(services)['archive.status'](undefined, call)).toEqual({
      available: false,
      reason: 'no-secure-store',
      mailboxes: [],
    });
    expect(existsSync(join(dir, 'archive'))).toBe(false);
  });

  it('closes the archive at logout and opens it again, syncing, at the next login', async () => {
    const { services } = await startWithArchive();
    await login(services);
    const mailboxId = await ownMailbox(services);
    const ended = syncEnd(services);
    await h(services)['archive.configure']({ mailboxId, enabled: true, withDocuments: false }, call);
    await ended;
    // Metadata only: no letter is here with its files, so an export has nothing to write and says so.
    await expect(
      h(services)['archive.export']({ exportId: 'm', format: 'mbox', scope: { kind: 'mailbox', mailboxId } }, call),
    ).rejects.toMatchObject({ appError: { code: 'app.archive.nothing-to-export' } });
    await services.auth.logout();
    await services.archive.idle();
    expect(await h(services)['archive.status'](undefined, call)).toMatchObject({ available: false, mailboxes: [] });
    const again = syncEnd(services);
    await login(services);
    expect((await again).state).toBe('done');
    const status = await h(services)['archive.status'](undefined, call);
    expect(status.mailboxes.map((m) => m.mailboxId)).toEqual([mailboxId]);
  });

  it('without a network, shows the archived mailbox, its folders, list, letters and files, and says it is offline', async () => {
    const { services } = await startWithArchive();
    await login(services);
    // The mailbox list is fetched at login, before the archive is on: it is kept until the archive can take it.
    const online = await h(services)['mailboxes.list'](undefined, call);
    const mailboxId = online.mailboxes.find((m) => m.own)!.id;
    const ended = syncEnd(services);
    await h(services)['archive.configure']({ mailboxId, enabled: true, withDocuments: true }, call);
    await ended;
    const { folders } = await h(services)['folders.summary']({ mailboxId }, call);
    const inbox = folders.find((f) => f.folderType === 'INBOX')!;
    const onlineList = await h(services)['messages.query']({ mailboxId, folderId: inbox.folderId, size: 200 }, call);

    const seen: boolean[] = [];
    services.events.subscribe((e) => void (e.type === 'archive.offline' && seen.push(e.offline)));
    net.offline = true;
    try {
      const mailboxes = await h(services)['mailboxes.list'](undefined, call);
      expect(mailboxes.mailboxes.map((m) => m.id)).toEqual([mailboxId]);
      expect(mailboxes.mailboxes[0]).toEqual(online.mailboxes.find((m) => m.id === mailboxId));
      expect((await h(services)['folders.summary']({ mailboxId }, call)).folders).toEqual(folders);
      const list = await h(services)['messages.query']({ mailboxId, folderId: inbox.folderId, size: 200 }, call);
      expect(list.messages.map((m) => m.id).sort()).toEqual(onlineList.messages.map((m) => m.id).sort());
      const letter = list.messages.find((m) => (m.documents ?? []).length > 0)!;
      expect((await h(services)['messages.get']({ mailboxId, messageId: letter.id }, call)).id).toBe(letter.id);
      const doc = letter.documents![0]!;
      const file = doc.files![0]!;
      const content = await h(services)['files.content'](
        { mailboxId, messageId: letter.id, documentId: doc.id, fileId: file.id },
        call,
      );
      expect(content.base64.length).toBeGreaterThan(0);
      expect(seen).toEqual([true]);
      // The other mailbox is not archived: offline, it is not there to show.
      const other = online.mailboxes.find((m) => m.id !== mailboxId)!;
      await expect(h(services)['folders.summary']({ mailboxId: other.id }, call)).rejects.toMatchObject({
        appError: { code: 'app.network' },
      });
    } finally {
      net.offline = false;
    }
    await h(services)['mailboxes.list'](undefined, call);
    expect(seen).toEqual([true, false]);
    // Each request retries the network before it falls back, so this case takes a while.
  }, 90_000);

  /**
   * Logs in, reads the inbox, archives the own mailbox and quits: what a person has before a restart with no network.
   * Nothing is read after the sync, so the archive must take the mailbox list and folders when the sync ends.
   */
  const archivedThenQuit = async (keyStore: SecretStore) => {
    const { services } = await startWithArchive(keyStore);
    await login(services);
    const online = await h(services)['mailboxes.list'](undefined, call);
    const mailboxId = online.mailboxes.find((m) => m.own)!.id;
    const { folders } = await h(services)['folders.summary']({ mailboxId }, call);
    const inbox = folders.find((f) => f.folderType === 'INBOX')!;
    const list = await h(services)['messages.query']({ mailboxId, folderId: inbox.folderId, size: 200 }, call);
    const ended = syncEnd(services);
    await h(services)['archive.configure']({ mailboxId, enabled: true, withDocuments: false }, call);
    await ended;
    const name = (await services.auth.status()).displayName;
    await services.dispose();
    return { mailboxId, inboxId: inbox.folderId, ids: list.messages.map((m) => m.id).sort(), name };
  };

  it('a restart with no network keeps the person as an offline session reading the archive, online again silently', async () => {
    const keyStore = fakeKeychain();
    const before = await archivedThenQuit(keyStore);
    net.offline = true;
    // A long first retry, so only a request brings the session online here.
    const services = await start({
      extra: { archiveKeyStoreFor: () => Promise.resolve(keyStore), offlineRetryMs: 600_000 },
    });
    const changed: AppEvent[] = [];
    services.events.subscribe((e) => void (e.type === 'auth.changed' && changed.push(e)));
    try {
      const status = await services.auth.status();
      expect(status).toMatchObject({ loggedIn: true, offline: true });
      expect(status.displayName).toBe(before.name);
      const mailboxes = await h(services)['mailboxes.list'](undefined, call);
      expect(mailboxes.mailboxes.map((m) => m.id)).toEqual([before.mailboxId]);
      const list = await h(services)['messages.query'](
        { mailboxId: before.mailboxId, folderId: before.inboxId, size: 200 },
        call,
      );
      expect(list.messages.map((m) => m.id).sort()).toEqual(before.ids);
      const letter = await h(services)['messages.get'](
        { mailboxId: before.mailboxId, messageId: before.ids[0]! },
        call,
      );
      expect(letter.id).toBe(before.ids[0]);
    } finally {
      net.offline = false;
    }
    // The next request refreshes the tokens and goes online: same person, no login.
    const online = await h(services)['mailboxes.list'](undefined, call);
    expect(online.mailboxes.length).toBeGreaterThan(1);
    const status = await services.auth.status();
    expect(status.loggedIn).toBe(true);
    expect(status.offline).toBeUndefined();
    expect(status.notice).toBeUndefined();
    expect(changed.length).toBeGreaterThan(0);
  }, 120_000);

  it('an offline session retries the refresh by itself, and a refused refresh then drops to the login screen', async () => {
    const keyStore = fakeKeychain();
    await archivedThenQuit(keyStore);
    const rt = (await storedRefreshToken())!;
    net.offline = true;
    const services = await start({
      extra: { archiveKeyStoreFor: () => Promise.resolve(keyStore), offlineRetryMs: 50 },
    });
    expect(await services.auth.status()).toMatchObject({ loggedIn: true, offline: true });
    const revoke = await fetch(`${sandbox.issuer}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: rt,
        token_type_hint: 'refresh_token',
        client_id: 'digital-post-desktop-sandbox',
      }).toString(),
    });
    expect(revoke.status).toBe(200);
    const dropped = new Promise<void>((resolve) => {
      services.events.subscribe((e) => {
        if (e.type === 'auth.changed') resolve();
      });
    });
    net.offline = false;
    await dropped;
    const status = await services.auth.status();
    expect(status.loggedIn).toBe(false);
    expect(status.notice).toMatch(/Log ind igen/);
    expect(await storedRefreshToken()).toBeUndefined();
  }, 120_000);

  it('a restart with no network and no archive for the person is the login screen with a notice, as before', async () => {
    const { services: first } = await startWithArchive();
    await login(first);
    await first.dispose();
    net.offline = true;
    const { services } = await startWithArchive();
    const status = await services.auth.status();
    expect(status.loggedIn).toBe(false);
    expect(status.offline).toBeUndefined();
    expect(status.notice).toMatch(/forbindelse/);
    expect(await storedRefreshToken()).toBeTruthy();
  });
});
