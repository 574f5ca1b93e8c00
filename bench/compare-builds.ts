/**
 * `npx tsx bench/compare-builds.ts DIST_BEFORE [--first-page] [--all] [--post]`: the render and posting
 * figures of another build (e.g. main's `dist/`) and of this one, alternated in one run so both
 * see the same machine load. Prints medians and the load average; writes nothing.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { startStack } from '../e2e/stack.ts';
import { freePort } from '../server-stub/src/http/free-port.ts';
import { openSqliteStore } from '../server-stub/src/store/sqlite-store.ts';
import { generateThread } from './generate-thread.ts';
import { measurePost, measureRender, widgetModule } from './render.ts';

const [before] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!before || !fs.existsSync(path.join(before, 'threadline.js'))) throw new Error('usage: compare-builds.ts DIST_BEFORE (a built dist/)');
const want = (flag: string) => process.argv.includes(flag) || !process.argv.some((a) => a.startsWith('--'));
const ROUNDS = 3;

// The other build, served with CORS from its own port (its chunks load relative to the module).
const port = await freePort();
const server = http
  .createServer((req, res) => {
    const file = path.join(before, path.basename(new URL(req.url ?? '/', 'http://x').pathname));
    if (!fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }).end(fs.readFileSync(file));
  })
  .listen(port, '127.0.0.1');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-compare-'));
const dbPath = path.join(dir, 'bench.db');
{
  const store = openSqliteStore(dbPath);
  for (const n of [100, 1000]) await generateThread(store, `/bench-${n}`, n);
  await store.close();
}
const stack = await startStack({
  dbPath,
  env: { THREADLINE_POST_LIMIT: '1000000,1000000', THREADLINE_THREAD_LIMIT: '1000000,1000000' },
});
const browser = await chromium.launch(chromiumLaunchOptions(['--enable-precise-memory-info']));
const builds = { before: `http://127.0.0.1:${port}/threadline.js`, after: null } as const;
const rows: Record<string, Record<string, number[]>> = { before: {}, after: {} };
const add = (build: string, figure: string, value: number) => {
  rows[build]![figure] ??= [];
  rows[build]![figure]!.push(value);
};
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const [build, url] of Object.entries(builds)) {
      widgetModule.url = url;
      if (want('--first-page') || want('--all')) {
        const r = await measureRender(browser, stack, '/bench-1000', 1000, 3);
        if (want('--first-page')) {
          add(build, `first screenful, ${r.firstScreenfulComments} comments (ms)`, r.firstScreenfulMs);
          add(build, `whole first page, ${r.firstPageComments} comments (ms)`, r.firstPageMs);
          add(build, 'TBT first page (ms)', r.firstPageTbtMs);
        }
        if (want('--all')) {
          add(build, '1,000 at once (ms)', r.allMs);
          add(build, 'TBT 1,000 at once (ms)', r.allTbtMs);
          add(build, 'heap 1,000 (MB)', r.heapMb);
          add(build, 'DOM nodes 1,000', r.domNodes);
        }
      }
      if (want('--post')) {
        const p = await measurePost(browser, stack, '/bench-1000', 1000, 1);
        add(build, 'click → optimistic (ms)', p.optimisticMs);
        add(build, 'click → stored (ms)', p.storedMs);
        add(build, 'long tasks click → stored', p.longTasks);
        add(build, 'TBT click → stored (ms)', p.tbtMs);
      }
    }
    console.log(
      `round ${round + 1}/${ROUNDS} done · load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log('| figure | before | after | after/before | runs (before; after) |\n|---|---|---|---|---|');
  for (const figure of Object.keys(rows.after!)) {
    const [b, a] = [rows.before![figure]!, rows.after![figure]!];
    const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
    console.log(
      `| ${figure} | ${fmt(median(b))} | ${fmt(median(a))} | ${(median(a) / median(b)).toFixed(2)}× | ${b.map(fmt).join(', ')}; ${a.map(fmt).join(', ')} |`,
    );
  }
} finally {
  await browser.close();
  await stack.stop();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
