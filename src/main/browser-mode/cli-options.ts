import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface CliOptions {
  port: number;
  /** Skip the "is out/renderer up to date" check and build (e.g. when a caller just built). */
  build: boolean;
  /** Serve another built renderer than out/renderer (tests); implies no build. */
  rendererDir?: string;
}

/** `--port <n>` / `--port=<n>` (0 = a free port), `--no-build`, `--renderer-dir <dir>`. */
export const parseCliArgs = (argv: readonly string[]): CliOptions => {
  const options: CliOptions = { port: 0, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--no-build') options.build = false;
    else if (arg === '--renderer-dir') {
      const dir = argv[++i];
      if (!dir) throw new Error('--renderer-dir needs a directory');
      options.rendererDir = dir;
      options.build = false;
    } else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port needs a number 0–65535, got ${String(value)}`);
      options.port = port;
    } else if (arg !== '--') throw new Error(`Unknown argument: ${arg}`);
  }
  return options;
};

/** Browser mode keeps its settings apart from the Electron app's, in the platform's usual config location. */
export const defaultUserDataDir = (
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string => {
  if (env.DP_USER_DATA_DIR) return env.DP_USER_DATA_DIR;
  const name = 'digital-post-desktop-browser-mode';
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', name);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), name);
};

const newestMtime = (dir: string): number => {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
};

/** True when out/renderer is missing or older than any source the renderer bundles. */
export const rendererIsStale = (projectRoot: string): boolean => {
  const index = join(projectRoot, 'out', 'renderer', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return ['src/renderer', 'src/shared'].some((dir) => newestMtime(join(projectRoot, dir)) > built);
};
