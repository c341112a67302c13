import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, createDesktopServices } from './app-services';
import { createEnvironmentResolver, environmentFor } from '../services/environments';
import { createMemorySecretStore } from '../services/secret-store';
import { defaultSettings } from '../services/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dp-services-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('environments', () => {
  it('maps test and prod to the view-client hosts, with the registration from settings', async () => {
    const registration = { clientId: 'c', idp: 'nemlogin', scopes: ['openid'] };
    const settings = { ...defaultSettings(), registrations: { test: registration, prod: registration } };
    const resolver = createEnvironmentResolver({
      settings: () => settings,
      env: {},
      startSandbox: () => Promise.reject(new Error('no')),
    });
    const test = await resolver.resolve('test');
    expect(test.issuer.href).toBe('https://test.digitalpost.dk/auth/v2/oauth');
    expect(test.apiBaseUrl).toBe('https://test.digitalpost.dk/apis/v1');
    expect(test.allowInsecure).toBe(false);
    const prod = await resolver.resolve('prod');
    expect(prod.issuer.href).toBe('https://gateway.digitalpost.dk/auth/v2/oauth');
    expect(prod.apiBaseUrl).toBe('https://gateway.digitalpost.dk/apis/v1');
    expect(prod.registration).toEqual(registration);
  });

  it('uses DP_SANDBOX_URL when set and allows plain http only on loopback', async () => {
    const resolver = createEnvironmentResolver({
      settings: defaultSettings,
      env: { DP_SANDBOX_URL: 'http://127.0.0.1:4567/' },
      startSandbox: () => Promise.reject(new Error('must not start')),
    });
    const sb = await resolver.resolve('sandbox');
    expect(sb.apiBaseUrl).toBe('http://127.0.0.1:4567/apis/v1');
    expect(sb.allowInsecure).toBe(true);
    expect(sb.registration.clientId).toBe('digital-post-desktop-sandbox');
    expect(environmentFor('sandbox', 'http://dp.example.com', sb.registration).allowInsecure).toBe(false);
  });
});

describe('createAppServices', () => {
  it('starts the sandbox in-process when no DP_SANDBOX_URL is given, and stops it on dispose', async () => {
    const services = await createDesktopServices(
      { mode: 'browser', userDataDir: dir, appVersion: '1', env: {} },
      { secretStoreFor: () => Promise.resolve(createMemorySecretStore()), log: () => undefined },
    );
    const base = await services.dp.baseUrl();
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/apis\/v1$/);
    const discovery = await fetch(`${base.replace('/apis/v1', '')}/auth/v2/oauth/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    await services.dispose();
    await expect(fetch(discovery.url)).rejects.toThrow();
  });

  it('fits the platform seam: handlers, events and the API client', async () => {
    const services = await createAppServices({
      mode: 'browser',
      userDataDir: dir,
      appVersion: '1',
      env: { DP_SANDBOX_URL: 'http://127.0.0.1:9', DP_KEYCHAIN_SERVICE: `dp-test-${process.pid}` },
    });
    expect(Object.keys(services.handlers).sort()).toEqual(
      expect.arrayContaining([
        'app.info',
        'app.openExternal',
        'auth.cancelLogin',
        'auth.login',
        'auth.logout',
        'auth.status',
        'settings.get',
        'settings.update',
      ]),
    );
    expect(services.dp).toBeDefined();
    const seen: string[] = [];
    const off = services.events.subscribe((e) => void seen.push(e.type));
    services.events.emit({ type: 'auth.changed' });
    off();
    services.events.emit({ type: 'auth.changed' });
    expect(seen).toEqual(['auth.changed']);
    await services.dispose();
  });

  it('keeps running in the tray as the settings say, following a change without a restart', async () => {
    const options = { secretStoreFor: () => Promise.resolve(createMemorySecretStore()), log: () => undefined };
    const hooks = {
      mode: 'electron' as const,
      userDataDir: dir,
      appVersion: '1',
      env: { DP_SANDBOX_URL: 'http://127.0.0.1:9' },
    };
    const onLinux = await createDesktopServices(hooks, { ...options, platform: 'linux' });
    expect(onLinux.keepRunningInTray?.()).toBe(false);
    await onLinux.settings.update({ keepRunningInTray: true });
    expect(onLinux.keepRunningInTray?.()).toBe(true);
    await onLinux.settings.update({ keepRunningInTray: false });
    expect(onLinux.keepRunningInTray?.()).toBe(false);
    await onLinux.dispose();

    const otherDir = await mkdtemp(join(tmpdir(), 'dp-services-'));
    try {
      const onWindows = await createDesktopServices(
        { ...hooks, userDataDir: otherDir },
        { ...options, platform: 'win32' },
      );
      expect(onWindows.keepRunningInTray?.()).toBe(true);
      await onWindows.dispose();
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});
