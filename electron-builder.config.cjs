// Packaging (`npm run dist`). Downloads Electron for the target platform, so it runs on a developer's or CI machine
// with network access, not in the offline build container.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dk.digitalpost.desktop',
  productName: 'Digital Post Desktop',
  copyright: 'MIT licensed',
  directories: { output: 'dist', buildResources: 'resources' },
  // Only the built app: sources, tests and the sandbox's dev-only data stay out of the package.
  files: ['out/**', 'package.json', '!out/**/*.map', '!out/native-electron/**'],
  // The archive's SQLite addon built for Electron (scripts/build-native-electron.mjs): outside the asar, since a
  // native module cannot be loaded from inside one.
  extraResources: [{ from: 'out/native-electron', to: 'native', filter: ['*.node'] }],
  asar: true,
  // electron-builder makes .ico and .icns from this 512×512 PNG (resources/make-icon.mjs draws it).
  icon: 'resources/icon.png',
  // The login redirect of a prod registration (RFC 8252 §7.1 private-use scheme, the reverse-DNS of appId): the OS
  // hands `dk.digitalpost.desktop:/oauth2redirect?...` to the running app (src/main/electron/redirect-handoff.ts).
  // app:// stays internal to the app and is not registered with the OS.
  protocols: [{ name: 'Digital Post Desktop login', schemes: ['dk.digitalpost.desktop'] }],
  publish: null,

  // Every fuse set explicitly (electron-builder 26 `electronFuses`, see @electron/fuses): the packaged binary cannot
  // be turned back into a general-purpose Node runtime or debugger, and only runs the integrity-checked app.asar.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },

  win: { target: [{ target: 'nsis', arch: ['x64'] }] },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Digital Post Desktop <maintainers@digitalpost-desktop.invalid>',
    synopsis: 'Desktop client for the Danish Digital Post',
  },
  deb: { depends: ['libsecret-1-0'] },
};
