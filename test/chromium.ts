import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

// One place for how tests and benchmarks start Chromium: Debian's where it exists (nothing can be downloaded on CI),
// Playwright's own elsewhere, and with the background services off, since this machine's network refuses them.
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const chromiumLaunchOptions = (): LaunchOptions => {
  const executablePath = process.env.DP_CHROMIUM ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
};
