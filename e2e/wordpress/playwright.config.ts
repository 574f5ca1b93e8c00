import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.ts';

/**
 * The real-WordPress specs: one worker (one WordPress, whose PHP runs one request at a time),
 * after `bash e2e/wordpress/setup.sh`. `npm run test:e2e:wordpress` runs both.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One PHP worker: a request waits for those before it (0.5 s each when idle, 10 s on a busy machine).
  timeout: 240_000,
  expect: { timeout: 45_000 },
  reporter: 'list',
  outputDir: '../../test-results/wordpress',
  use: {
    browserName: 'chromium',
    viewport: { width: 1100, height: 900 },
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
});
