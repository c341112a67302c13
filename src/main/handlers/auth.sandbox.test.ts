import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../ipc/dispatch';
import { createDesktopServices, type DesktopServices } from '../app/app-services';
import { createMemorySecretStore, type SecretStore } from '../services/secret-store';

/** The settings channels as the renderer meets them: through the dispatcher that parses both ways. */

const SECRET = 'vendor-secret-0123456789abcdefghijklmnop';
const ctx = { transport: 'electron' as const };
const registration = { clientId: 'vendor-app', idp: 'nemlogin', scopes: ['openid'] };

let dir: string;
let services: DesktopServices;
let stores: Map<string, SecretStore>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dp-auth-handlers-'));
  stores = new Map();
  services = await createDesktopServices(
    {
      mode: 'electron',
      userDataDir: dir,
      appVersion: '0',
      // Nothing here talks to a provider; a sandbox URL that is never called keeps the restore offline and quiet.
      env: { DP_SANDBOX_URL: 'http://127.0.0.1:9' },
      openSystemBrowser: () => Promise.resolve(),
    },
    {
      secretStoreFor: (env, purpose) => {
        const key = `${env}:${purpose}`;
        if (!stores.has(key)) stores.set(key, createMemorySecretStore());
        return Promise.resolve(stores.get(key)!);
      },
      fetch: () => Promise.reject(new TypeError('offline')),
      log: () => undefined,
    },
  );
});
afterEach(async () => {
  await services.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('settings handlers', () => {
  it('keep the client secret in the SecretStore, out of settings.json, and report only that one is stored', async () => {
    const dispatch = createDispatcher(services.handlers, () => undefined);
    expect(await dispatch('settings.get', undefined, ctx)).toMatchObject({
      ok: true,
      value: { clientSecretStored: { test: false, prod: false } },
    });
    const saved = await dispatch(
      'settings.update',
      { environment: 'test', registrations: { test: registration }, clientSecrets: { test: SECRET } },
      ctx,
    );
    expect(saved).toMatchObject({ ok: true, value: { clientSecretStored: { test: true, prod: false } } });
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    expect(await stores.get('test:client-secret')!.get()).toBe(SECRET);
    const file = await readFile(join(dir, 'settings.json'), 'utf8');
    expect(file).toContain('vendor-app');
    expect(file).not.toContain(SECRET);

    await dispatch('settings.update', { clientSecrets: { test: null } }, ctx);
    expect(await stores.get('test:client-secret')!.get()).toBeNull();
  });

  it('refuse a prod registration with an http redirect, saying why, and keep the settings as they were', async () => {
    const dispatch = createDispatcher(services.handlers, () => undefined);
    const refused = await dispatch(
      'settings.update',
      { registrations: { prod: { ...registration, redirectUri: 'http://127.0.0.1:8765/callback' } } },
      ctx,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'app.ipc.invalid-request',
        fieldErrors: [
          {
            field: 'registrations.prod.redirectUri',
            message: expect.stringContaining('Digital Post tillader kun http for testklienter') as unknown,
          },
        ],
      },
    });
    expect(services.settings.get().registrations.prod).toBeUndefined();
    // The same loopback redirect is fine for a test client, and the app's own scheme for prod.
    expect(
      await dispatch(
        'settings.update',
        {
          registrations: {
            test: { ...registration, redirectUri: 'http://127.0.0.1:8765/callback' },
            prod: { ...registration, redirectUri: 'dk.digitalpost.desktop:/oauth2redirect' },
          },
        },
        ctx,
      ),
    ).toMatchObject({ ok: true });
  });

  it('refuse a secret shorter than Digital Post issues (§16.3.2: at least 32 characters)', async () => {
    const dispatch = createDispatcher(services.handlers, () => undefined);
    expect(await dispatch('settings.update', { clientSecrets: { prod: 'short' } }, ctx)).toMatchObject({ ok: false });
    expect(await stores.get('prod:client-secret')?.get()).toBeFalsy();
  });
});
