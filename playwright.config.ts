import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/chromium';

/** The walks through reading, writing and notifications, run a second time against the spec-minimal sandbox. */
const SPEC_MINIMAL_WALKS = [
  'reading.spec.ts',
  'desktop-reading.spec.ts',
  'archive.spec.ts',
  'compose.spec.ts',
  'notifications.spec.ts',
  'letter-actions.spec.ts',
  'access.spec.ts',
];

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    headless: true,
    locale: 'da-DK',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    { name: 'sandbox' },
    {
      // The same walks against a sandbox that keeps only what the spec prints and spells every guess differently
      // (src/sandbox/api/views.ts); test/e2e/helpers/app.ts reads the flag from the project's metadata.
      name: 'spec-minimal',
      testMatch: SPEC_MINIMAL_WALKS,
      metadata: { specMinimal: true },
    },
  ],
});
