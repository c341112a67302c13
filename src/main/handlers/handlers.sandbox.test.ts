import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { followLogin } from '../../sandbox/oidc/test-login';
import { createDispatcher } from '../ipc/dispatch';
import { createDesktopServices, type DesktopServices } from '../app/app-services';
import { createMemorySecretStore, type SecretStore } from '../services/secret-store';
import { isAllowedExternalUrl } from './app';

let sandbox: RunningSandbox;
let dir: string;
let services: DesktopServices;
const stores = new Map<string, SecretStore>();
const seenAuthHeaders: string[] = [];
const opened: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  dir = await mkdtemp(join(tmpdir(), 'dp-handlers-'));
  services = await createDesktopServices(
    {
      mode: 'electron',
      userDataDir: dir,
      appVersion: '1.2.3',
      env: { DP_SANDBOX_URL: sandbox.url },
      openSystemBrowser: async (url) => {
        void fetch(await followLogin(url, 'lone'));
      },
      openExternalAfterConfirm: (url) => {
        opened.push(url);
        return Promise.resolve(true);
      },
    },
    {
      secretStoreFor: (env, purpose) => {
        const key = `${env}:${purpose}`;
        if (!stores.has(key)) stores.set(key, createMemorySecretStore());
        return Promise.resolve(stores.get(key)!);
      },
      fetch: (input, init) => {
        const auth = new Headers(init?.headers).get('authorization');
        if (auth) seenAuthHeaders.push(auth.replace(/^Bearer /, ''));
        return fetch(input, init);
      },
      log: () => undefined,
    },
  );
});
afterAll(async () => {
  await services.dispose();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/;

describe('auth, settings and app handlers', () => {
  it('never put a token into a response', async () => {
    const dispatch = createDispatcher(services.handlers, () => undefined);
    const ctx = { transport: 'electron' as const };
    const responses: unknown[] = [];
    const call = async (channel: string, payload?: unknown) => {
      const r = await dispatch(channel, payload, ctx);
      responses.push(r);
      return r;
    };
    await call('auth.status');
    expect(await call('auth.login', { oneTimeUse: false })).toEqual({ ok: true, value: {} });
    await services.auth.loginCompletion();
    await services.dp.get('/mailboxes/');
    const status = await call('auth.status');
    expect(status).toMatchObject({
      ok: true,
      value: { loggedIn: true, displayName: 'Lone Defaultssen', secretStore: 'memory' },
    });
    await call('settings.get');
    await call('settings.update', { language: 'en' });
    await call('app.info');
    await call('app.openExternal', { url: 'https://www.borger.dk/' });
    await call('auth.cancelLogin');

    const refreshToken = (JSON.parse((await stores.get('sandbox:refresh-token')!.get())!) as { refreshToken: string })
      .refreshToken;
    expect(refreshToken.length).toBeGreaterThan(10);
    expect(seenAuthHeaders.length).toBeGreaterThan(0);
    await call('auth.logout');

    const serialized = JSON.stringify(responses);
    expect(serialized).not.toMatch(JWT);
    expect(serialized).not.toContain(refreshToken);
    for (const at of seenAuthHeaders) expect(serialized).not.toContain(at);
    expect(responses.every((r) => (r as { ok: boolean }).ok)).toBe(true);
  });

  it('app.info and app.openExternal: only https and mailto, after the user confirmed', async () => {
    const dispatch = createDispatcher(services.handlers, () => undefined);
    const ctx = { transport: 'electron' as const };
    expect(await dispatch('app.info', undefined, ctx)).toEqual({
      ok: true,
      value: { version: '1.2.3', mode: 'electron', platform: process.platform },
    });
    expect(await dispatch('app.openExternal', { url: 'mailto:a@b.dk' }, ctx)).toEqual({
      ok: true,
      value: { opened: true },
    });
    const refused = await dispatch('app.openExternal', { url: 'file:///etc/passwd' }, ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: 'app.ipc.invalid-request' } });
    expect(opened).not.toContain('file:///etc/passwd');
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('http://example.dk')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@example.dk')).toBe(false);
    expect(isAllowedExternalUrl('https://www.borger.dk/')).toBe(true);
  });

  it('settings persist and switching environment without a registration asks for one at login', async () => {
    const dispatch = createDispatcher(services.handlers, () => undefined);
    const ctx = { transport: 'electron' as const };
    expect(await dispatch('settings.update', { environment: 'test' }, ctx)).toMatchObject({
      ok: true,
      value: { environment: 'test', language: 'en' },
    });
    expect(await dispatch('auth.status', undefined, ctx)).toMatchObject({
      ok: true,
      value: { environment: 'test', loggedIn: false },
    });
    expect(await dispatch('auth.login', undefined, ctx)).toMatchObject({
      ok: false,
      error: { code: 'app.auth.no-registration' },
    });
    const again = await createDesktopServices(
      { mode: 'browser', userDataDir: dir, appVersion: '1', env: { DP_SANDBOX_URL: sandbox.url } },
      {
        secretStoreFor: () => Promise.resolve(createMemorySecretStore()),
        log: () => undefined,
      },
    );
    expect(again.settings.get()).toMatchObject({ environment: 'test', language: 'en' });
    await again.dispose();
    expect(await dispatch('settings.update', { environment: 'sandbox' }, ctx)).toMatchObject({ ok: true });
  });
});
