import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // The real-WordPress specs have their own config (one worker, one WordPress): npm run test:e2e:wordpress.
  testIgnore: 'wordpress/**',
  // The server bundled once, so each test's own server starts in half the time.
  globalSetup: './global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : '50%',
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: 'list',
  outputDir: '../test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1100, height: 900 },
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
});
