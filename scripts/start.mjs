#!/usr/bin/env node
// `npm start`: build, then run the app in Electron — or, where no Electron binary can be had (offline build
// containers, locked-down machines), the same app in browser mode on 127.0.0.1, opened in the default browser.
// Flags: --browser-mode (skip Electron). Env: DP_NO_OPEN_BROWSER=1 (do not open a browser tab).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const node = process.execPath;

const build = () => {
  const result = spawnSync(node, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('Build failed (electron-vite build); not starting.');
    process.exit(result.status ?? 1);
  }
};

/** The binary electron's own index.js would run, if it is already there; never triggers a download. */
const installedElectron = () => {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const binary = join(base, relative);
  return existsSync(binary) ? binary : null;
};

/**
 * Finds the Electron binary, letting the electron package fetch it the usual way if it is missing (a first run after
 * an install that skipped the download). That fetch runs in a child process, so a failure — no network here — is a
 * reason to fall back, not a crash.
 */
const findElectron = () => {
  const present = installedElectron();
  if (present) return { binary: present };
  if (!existsSync(join(electronDir, 'install.js'))) return { reason: 'the electron package is not installed' };
  console.log('Electron binary not found; fetching it (first run)…');
  const probe = spawnSync(node, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // electron's installer may print progress on the same stdout; the path is the last line.
  const binary = probe.status === 0 ? (probe.stdout.trim().split('\n').pop() ?? '') : '';
  if (binary && existsSync(binary)) return { binary };
  const lastLine =
    `${probe.stderr ?? ''}`
      .trim()
      .split('\n')
      .filter(Boolean)
      .find((l) => /error/i.test(l)) ?? '';
  return {
    reason: probe.error
      ? `fetching it failed: ${probe.error.message}`
      : `the binary could not be downloaded${lastLine ? `: ${lastLine.trim()}` : ''}`,
  };
};

const openBrowser = (url) => {
  if (process.env.DP_NO_OPEN_BROWSER === '1') return;
  const platform = process.platform;
  if (platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return; // headless: nothing to open
  const [cmd, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no opener installed: the URL is printed anyway
    child.unref();
  } catch {
    // same: printing the URL is enough
  }
};

const runChild = (command, args, onStdoutLine) => {
  const child = spawn(command, args, { cwd: root, stdio: ['inherit', onStdoutLine ? 'pipe' : 'inherit', 'inherit'] });
  if (onStdoutLine) {
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        onStdoutLine(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
      }
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
};

build();
const electron = process.argv.includes('--browser-mode') ? { reason: '--browser-mode was given' } : findElectron();
if (electron.binary) {
  runChild(electron.binary, ['.']);
} else {
  console.log(`Electron is not available on this machine (${electron.reason}); starting browser mode instead.`);
  let opened = false;
  runChild(
    node,
    [
      join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(root, 'src', 'main', 'browser-mode', 'cli.ts'),
      '--port',
      '0',
      '--no-build',
    ],
    (line) => {
      // The one-time launch URL (the only way in); its token is base64url, so no shell or `start` metacharacters.
      const match = /^Digital Post desktop \(browser mode\): (http:\/\/127\.0\.0\.1:\d+\/launch\?token=[\w-]+)$/.exec(
        line,
      );
      if (match && !opened) {
        opened = true;
        openBrowser(match[1]);
      }
    },
  );
}
