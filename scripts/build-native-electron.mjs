// Builds the archive's SQLite addon (better-sqlite3-multiple-ciphers) for Electron's ABI into out/native-electron/,
// apart from the Node build in node_modules that tests and browser mode load. Run by `npm run dist` before
// electron-builder, never by `npm install`. It needs Electron's headers (a download from electronjs.org, or the
// node-gyp cache): without them it stops with a message and exit code 1 rather than leave a package without its addon.
import { cpSync, existsSync, mkdirSync, copyFileSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULE = 'better-sqlite3-multiple-ciphers';
const ADDON = 'better_sqlite3.node';
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const fail = (message, err) => {
  console.error(`build-native-electron: ${message}`);
  if (err) console.error(`  ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  process.exit(1);
};

const readVersion = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const moduleDir = join(root, 'node_modules', MODULE);
if (!existsSync(moduleDir)) fail(`${MODULE} is not installed; run npm install first`);
const electronVersion = process.env.DP_ELECTRON_VERSION ?? readVersion('electron');
const arch = process.env.DP_ELECTRON_ARCH ?? process.arch;

// A private copy of the module, so node-gyp's output for Electron never lands in node_modules/<module>/build.
const work = join(root, '.tmp', 'native-electron-build');
const copy = join(work, 'node_modules', MODULE);
rmSync(work, { recursive: true, force: true });
mkdirSync(dirname(copy), { recursive: true });
cpSync(moduleDir, copy, { recursive: true, filter: (src) => !src.startsWith(join(moduleDir, 'build')) });
writeFileSync(
  join(work, 'package.json'),
  JSON.stringify({ name: 'native-electron-build', private: true, dependencies: { [MODULE]: readVersion(MODULE) } }),
);

let rebuild;
try {
  ({ rebuild } = await import('@electron/rebuild'));
} catch (err) {
  fail('@electron/rebuild is not installed (npm install)', err);
}
console.log(`build-native-electron: building ${MODULE} for Electron ${electronVersion} (${arch})…`);
try {
  await rebuild({ buildPath: work, electronVersion, arch, onlyModules: [MODULE], force: true, mode: 'sequential' });
} catch (err) {
  rmSync(work, { recursive: true, force: true });
  fail(
    `could not build ${MODULE} for Electron ${electronVersion}. It needs Electron's headers (downloaded from ` +
      'https://electronjs.org/headers, or cached by node-gyp) and a C++ toolchain. The Node build in node_modules ' +
      'is untouched.',
    err,
  );
}
const built = join(copy, 'build', 'Release', ADDON);
if (!existsSync(built)) fail(`the build finished without ${built}`);
const outDir = join(root, 'out', 'native-electron');
mkdirSync(outDir, { recursive: true });
copyFileSync(built, join(outDir, ADDON));
rmSync(work, { recursive: true, force: true });
console.log(`build-native-electron: wrote ${join('out', 'native-electron', ADDON)}`);
