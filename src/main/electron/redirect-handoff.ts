import { resolve } from 'node:path';
import { app } from 'electron';
import type { RedirectSource } from '../services/auth/app-redirect';

export interface RedirectHandoffOptions {
  /** The private-use scheme, without the colon (e.g. `dk.digitalpost.desktop`). */
  scheme: string;
  /** The argv this instance started with: on Windows/Linux a cold start by the OS carries the URL there. */
  argv: readonly string[];
  /** A redirect came in: bring the app forward, the user is coming back from the browser. */
  onRedirect?: () => void;
}

/** Login redirects are short; anything longer is not one of ours. */
const MAX_URL_LENGTH = 8 * 1024;

/**
 * Hands URLs of the app's private-use scheme (RFC 8252 §7.1) from the OS to the auth service: `open-url` on macOS,
 * the argv of a second instance on Windows/Linux (the single-instance lock sends it to us). Only URLs of our scheme
 * pass; whether one answers the pending login is for the auth service to decide. URLs that arrive before anyone
 * listens (a cold start, `open-url` before ready) are kept until the auth service subscribes.
 */
export const installRedirectHandoff = (options: RedirectHandoffOptions): RedirectSource => {
  const prefix = `${options.scheme}:`.toLowerCase();
  const isOurs = (value: unknown): value is string =>
    typeof value === 'string' && value.length <= MAX_URL_LENGTH && value.toLowerCase().startsWith(prefix);
  const listeners = new Set<(url: string) => void>();
  const early: string[] = [];

  const deliver = (url: string): void => {
    if (listeners.size === 0) early.push(url);
    for (const l of [...listeners]) l(url);
    options.onRedirect?.();
  };
  const fromArgv = (argv: readonly unknown[]): void => {
    for (const arg of argv) if (isOurs(arg)) deliver(arg);
  };

  // Packaged, the installer (electron-builder `protocols`) registers the scheme; in development the running
  // Electron binary has to be told which app to start.
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(options.scheme, process.execPath, [resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(options.scheme);
  }
  app.on('open-url', (event: { preventDefault(): void }, url: string) => {
    event.preventDefault();
    if (isOurs(url)) deliver(url);
  });
  app.on('second-instance', (_event: unknown, argv: readonly unknown[]) => fromArgv(Array.isArray(argv) ? argv : []));
  fromArgv(options.argv);

  return {
    subscribe(listener) {
      listeners.add(listener);
      for (const url of early.splice(0)) listener(url);
      return () => listeners.delete(listener);
    },
  };
};
