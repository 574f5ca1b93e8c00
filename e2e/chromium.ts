import fs from 'node:fs';

/** Debian's Chromium where it is installed (CI, this machine); Playwright's own browser elsewhere. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet headless Chromium on a closed network (no background calls home). */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch options for every browser this project starts: tests, screenshots, benchmarks. */
export function chromiumLaunchOptions(extraArgs: string[] = []): { executablePath?: string; args: string[] } {
  return { ...(fs.existsSync(CHROMIUM_PATH) ? { executablePath: CHROMIUM_PATH } : {}), args: [...ARGS, ...extraArgs] };
}
