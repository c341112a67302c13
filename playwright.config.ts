import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/chromium';

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
});
