import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices } from '../app/app-services';
import { defaultUserDataDir, parseCliArgs, rendererIsStale } from './cli-options';
import { startBrowserModeServer } from './server';

// `npm run web -- --port <n>`: the app in the default browser, for machines without an Electron binary and for e2e.
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

const main = async (): Promise<void> => {
  const options = parseCliArgs(process.argv.slice(2));
  if (options.build && rendererIsStale(projectRoot)) {
    console.log('out/renderer is missing or older than src — building it (electron-vite build)…');
    const bin = join(
      projectRoot,
      'node_modules',
      '.bin',
      process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
    );
    const result = spawnSync(bin, ['build'], {
      cwd: projectRoot,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (result.status !== 0)
      throw new Error('electron-vite build failed; fix the build or run `npx electron-vite build` yourself.');
  }
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const server = await startBrowserModeServer({
    port: options.port,
    rendererDir: options.rendererDir ?? join(projectRoot, 'out', 'renderer'),
    createServices: (appUrl) =>
      createAppServices({
        mode: 'browser',
        userDataDir: defaultUserDataDir(),
        appVersion: pkg.version,
        appUrl,
        env: process.env,
      }),
  });
  // The launch URL is the only way in (launch-auth.ts); scripts and e2e parse this exact prefix.
  console.log(`Digital Post desktop (browser mode): ${server.createLaunchUrl()}`);
  // A browser restarted (session cookie gone) or another browser wanted: each line on stdin (Enter) prints a fresh
  // one-time link. Without a terminal stdin is usually empty or closed, and nothing is printed.
  if (process.stdin.isTTY)
    console.log('The link works once. Press Enter for a new link. / Linket virker én gang. Tryk Enter for et nyt.');
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    for (let i = 0; i < chunk.split('\n').length - 1; i++)
      console.log(`Digital Post desktop (browser mode): ${server.createLaunchUrl()}`);
  });
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('Shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
