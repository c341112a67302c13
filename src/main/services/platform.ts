import type { AppEvent } from '../../shared/ipc/events';
import type { RedirectSource } from './auth/app-redirect';

/** Electron's safeStorage, as far as the SecretStore needs it (so tests and browser mode can pass a fake or none). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only in Electron; `basic_text` means no real protection, which the SecretStore refuses to use. */
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** What the platform (Electron or browser mode) gives the plain-Node services. */
export interface PlatformHooks {
  mode: 'electron' | 'browser';
  /** Where settings, the draft journal and the safeStorage-encrypted refresh token live. */
  userDataDir: string;
  appVersion: string;
  /**
   * Opens the system browser for login (Electron: shell.openExternal). Absent in browser mode, where the login
   * navigates the app's own tab instead.
   */
  openSystemBrowser?: (url: string) => Promise<void>;
  /** Electron: login redirects of the app's private-use URI scheme, as the OS hands them over. */
  redirects?: RedirectSource;
  /** Browser mode: the app's own URL, where the loopback callback page sends the tab back after login. */
  appUrl?: string;
  /**
   * Asks the user before an https:/mailto: link leaves the app, showing its host in punycode; opens it. Gets the
   * allowlist's rebuilt URL (src/shared/external-url.ts). Absent in browser mode, where no dialog can be shown from
   * here: the page's bridge asks with the same text and opens a noopener tab.
   */
  openExternalAfterConfirm?: (url: string) => Promise<boolean>;
  safeStorage?: SafeStorageLike;
  /** OS notification (Electron) — browser mode raises Web Notifications in the renderer from the `mail.new` event. */
  showNotification?: (n: { title: string; body: string; onClick: () => void }) => void;
  setBadgeCount?: (count: number) => void;
  /**
   * "Gem som…": a native save dialog proposing `defaultName`, then writes the bytes. False when the user cancels.
   * Absent in browser mode, where nothing is written from main.
   */
  saveFile?: (defaultName: string, bytes: Uint8Array) => Promise<boolean>;
  /**
   * "Åbn": writes the bytes to a private temp folder (services/files `writePrivateTempFile`) and opens them with the
   * system app (Electron: shell.openPath). Absent in browser mode.
   */
  openFile?: (name: string, bytes: Uint8Array) => Promise<boolean>;
  /** "Åbn" on an HTML letter: the app's own window showing it sanitised (Electron). Absent in browser mode. */
  openLetter?: (file: { mailboxId: string; messageId: string; documentId: string; fileId: string }) => Promise<boolean>;
  /** Electron: where an archive export goes (native folder and save dialogs). Absent in browser mode, which downloads. */
  exportTarget?: ExportTargetPicker;
  /** Overrides for tests: e.g. a sandbox URL, a fixed keytar service name. */
  env?: Record<string, string | undefined>;
}

/** What Electron asks the person for an archive export: a folder (folder, eml) or a file name (mbox). */
export interface ExportTargetPicker {
  pickFolder(title: string): Promise<string | null>;
  pickFile(defaultName: string, title: string): Promise<string | null>;
  /** Marks a written file as from the internet (Mark-of-the-Web), as every file main writes is. */
  mark?(path: string): Promise<unknown>;
}

export interface EventHub {
  emit(event: AppEvent): void;
  subscribe(listener: (event: AppEvent) => void): () => void;
}
