import { join } from 'node:path';

/** The file name node-gyp gives the addon; the Electron build is stored under the same name in its own folder. */
export const NATIVE_ADDON_FILE = 'better_sqlite3.node';
/** Where `scripts/build-native-electron.mjs` writes the Electron build in a checkout (out/ is the build folder). */
export const ELECTRON_NATIVE_DIR = join('out', 'native-electron');
/** Where electron-builder puts it in a package (extraResources, outside the asar). */
export const PACKAGED_NATIVE_DIR = 'native';

export interface RuntimeInfo {
  versions: NodeJS.ProcessVersions & { electron?: string };
  /** Electron's `process.resourcesPath` when packaged. */
  resourcesPath?: string | undefined;
  packaged: boolean;
  /** The checkout's root, where out/ lives. */
  appRoot: string;
}

/**
 * A native addon is built for one ABI. Plain Node (tests, browser mode) loads the build npm installed; Electron loads
 * its own build from a separate folder, so building one never overwrites the other.
 */
export const resolveNativeBinding = (runtime: RuntimeInfo): string | undefined => {
  if (!runtime.versions.electron) return undefined;
  if (runtime.packaged && runtime.resourcesPath) {
    return join(runtime.resourcesPath, PACKAGED_NATIVE_DIR, NATIVE_ADDON_FILE);
  }
  return join(runtime.appRoot, ELECTRON_NATIVE_DIR, NATIVE_ADDON_FILE);
};
