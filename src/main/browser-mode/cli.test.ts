import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The real entry point with the real services (user data in a temp dir), serving a stand-in renderer.
const root = resolve(__dirname, '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'dp-web-cli-'));
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm run web', () => {
  it('prints a one-time launch URL that lets the browser in, and nothing works without it', async () => {
    const rendererDir = join(tmp, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
    );
    child = spawn(
      process.execPath,
      [
        join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(root, 'src', 'main', 'browser-mode', 'cli.ts'),
        '--port',
        '0',
        '--renderer-dir',
        rendererDir,
      ],
      {
        cwd: root,
        env: { ...process.env, DP_USER_DATA_DIR: join(tmp, 'user-data') },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    /** The nth launch URL printed, waiting for it. */
    const printedUrl = (nth: number): Promise<string> =>
      new Promise<string>((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL ${nth} printed; stderr: ${err}`)), 20_000);
        const look = (): void => {
          const urls = [...out.matchAll(/^Digital Post desktop \(browser mode\): (http:\/\/127\.0\.0\.1:\d+\/\S*)$/gm)];
          const found = urls[nth - 1]?.[1];
          if (!found) return;
          clearTimeout(timer);
          child!.stdout!.off('data', look);
          resolveUrl(found);
        };
        child!.stdout!.on('data', look);
        child!.once('exit', (code) => reject(new Error(`exited ${code}; stderr: ${err}`)));
        look();
      });
    const launchUrl = await printedUrl(1);
    const url = `${new URL(launchUrl).origin}/`;
    expect(launchUrl).toMatch(/\/launch\?token=[\w-]+$/);

    // Knowing the port is not enough.
    const refused = await fetch(url);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('terminal');
    const refusedCall = await fetch(`${url}bridge/app.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-DP-Bridge': '1' },
      body: '{}',
    });
    expect(refusedCall.status).toBe(401);

    const launch = await fetch(launchUrl, { redirect: 'manual' });
    expect(launch.status).toBe(303);
    expect(launch.headers.get('location')).toBe('/');
    const cookie = (launch.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^dp-session-\d+=/);
    expect((await fetch(launchUrl, { redirect: 'manual' })).status).toBe(401);

    const page = await fetch(url, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<meta name="dp-bridge" content="loopback">');
    const info = await fetch(`${url}bridge/app.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-DP-Bridge': '1', Cookie: cookie },
      body: '{}',
    });
    expect(await info.json()).toMatchObject({ ok: true, value: { mode: 'browser' } });

    // Enter in the terminal: a fresh link, for a restarted or another browser.
    child.stdin!.write('\n');
    const next = await printedUrl(2);
    expect(next).not.toBe(launchUrl);
    const secondLaunch = await fetch(next, { redirect: 'manual' });
    expect(secondLaunch.status).toBe(303);
    expect(secondLaunch.headers.get('set-cookie')).toMatch(/^dp-session-\d+=/);
  });
});
