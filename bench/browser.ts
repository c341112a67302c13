import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium, as the e2e tests use it: nothing can be downloaded here.
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const launchChromium = (): Promise<Browser> => {
  const executablePath = process.env.DP_CHROMIUM ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
  return chromium.launch({
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
  });
};
