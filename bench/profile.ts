/**
 * `npx tsx bench/profile.ts [N]`: where the time of drawing N comments at once goes (default 1,000),
 * by kind of code, median-free single profile (run it twice on a shared machine). Needs `npm run build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { startStack } from '../e2e/stack.ts';
import { openSqliteStore } from '../server-stub/src/store/sqlite-store.ts';
import { generateThread } from './generate-thread.ts';
import { profileAllAtOnce } from './render.ts';

const n = Number(process.argv[2] ?? 1000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-profile-'));
const dbPath = path.join(dir, 'bench.db');
const store = openSqliteStore(dbPath);
await generateThread(store, `/bench-${n}`, n);
await store.close();
const stack = await startStack({ dbPath });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (let run = 1; run <= 2; run++) {
    const totals = await profileAllAtOnce(browser, stack, `/bench-${n}`, n);
    const sum = Object.entries(totals)
      .filter(([k]) => k !== 'idle')
      .reduce((s, [, v]) => s + v, 0);
    console.log(`run ${run}: ${Math.round(sum)} ms busy (load ${os.loadavg()[0]!.toFixed(1)})`);
    for (const [kind, ms] of Object.entries(totals).sort((a, b) => b[1] - a[1]))
      console.log(
        `  ${kind.padEnd(46)} ${Math.round(ms).toString().padStart(5)} ms${kind === 'idle' ? '' : `  ${((ms / sum) * 100).toFixed(0)}%`}`,
      );
  }
} finally {
  await browser.close();
  await stack.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
