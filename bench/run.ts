/**
 * `npm run bench`: render speed, host-page cost and server throughput, printed as tables and
 * written into docs/benchmarks.md (between the bench markers) with the machine and versions.
 * Compare figures within one run: the machines here are shared and noisy.
 */

import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { startStack } from '../e2e/stack.ts';
import { openPgStore } from '../server-stub/src/store/pg-store.ts';
import { freshDatabase, startTestCluster } from '../server-stub/src/store/pg-test-cluster.ts';
import { openSqliteStore } from '../server-stub/src/store/sqlite-store.ts';
import { measureAnchoring } from './anchoring.ts';
import { formattedThread, inlineAtLoad } from './bundle-bytes.ts';
import { generateThread } from './generate-thread.ts';
import { goalRows } from './goals.ts';
import { measureHostCost } from './host-cost.ts';
import { measurePost, measureRender, measureReplyOpen, type RenderResult } from './render.ts';
import { type LoadResult, load, meanOf } from './server-load.ts';

const QUICK = process.argv.includes('--quick');
const SIZES = QUICK ? [100, 1000] : [100, 1000, 5000, 10000];
const SEED = '/news/westport-police-address-immigration-raid-fears';
const SECONDS = QUICK ? 2 : 5;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-bench-'));
const dbPath = path.join(dir, 'bench.db');
console.log(`bench: generating threads of ${[...SIZES, 200].join(', ')} comments…`);
{
  const store = openSqliteStore(dbPath);
  for (const n of [...SIZES, 200]) await generateThread(store, `/bench-${n}`, n);
  await store.close();
}

const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const ms = (n: number) => `${Math.round(n)} ms`;

const sections: string[] = [];
// Throughput is one client hammering one thread: exactly what the abuse limits stop, so lift them.
const UNLIMITED = { THREADLINE_POST_LIMIT: '1000000,1000000', THREADLINE_THREAD_LIMIT: '1000000,1000000' };
const stack = await startStack({ dbPath, env: UNLIMITED });
const browser = await chromium.launch(chromiumLaunchOptions(['--enable-precise-memory-info']));
try {
  // Render
  const render: RenderResult[] = [];
  for (const n of SIZES) {
    console.log(`bench: rendering ${n} comments…`);
    // Nine fresh pages for the first page: it is short, and the machine's noise (±20% here) is not.
    render.push(await measureRender(browser, stack, `/bench-${n}`, n, QUICK ? 3 : 9));
  }
  const base = render[0]!;
  sections.push(
    `### Render speed (first page: median of ${QUICK ? 3 : 9} fresh pages, whole thread: of ${QUICK ? 3 : 5}; mount() → comments in the DOM and painted)\n\n` +
      table(
        [
          'comments',
          'first screenful (comments)',
          'first screenful',
          'first page (comments)',
          'first page',
          'vs 100',
          'TBT first page',
          'whole thread at once',
          'TBT whole thread',
          'JS heap (page subtracted)',
          'DOM nodes (per comment)',
        ],
        render.map((r) => [
          r.comments,
          r.firstScreenfulComments,
          ms(r.firstScreenfulMs),
          r.firstPageComments,
          ms(r.firstPageMs),
          `${(r.firstPageMs / base.firstPageMs).toFixed(2)}×`,
          ms(r.firstPageTbtMs),
          ms(r.allMs),
          ms(r.allTbtMs),
          `${r.heapMb.toFixed(1)} MB`,
          `${r.domNodes} (${(r.domNodes / r.comments).toFixed(1)})`,
        ]),
      ),
  );
  console.log('bench: posting with 1,000 comments on the page…');
  const submit = await measurePost(browser, stack, '/bench-1000', 1000, QUICK ? 3 : 5);
  const replyOpen: [number, number][] = [];
  for (const n of SIZES.filter((s) => s >= 1000 && s <= 5000)) {
    console.log(`bench: reply form in a thread of ${n}…`);
    replyOpen.push([n, await measureReplyOpen(browser, stack, `/bench-${n}`, n, QUICK ? 3 : 5)]);
  }
  sections.push(
    `### Posting and replying (the whole thread on the page; median of ${QUICK ? 3 : 5})\n\n` +
      table(
        [
          'comments on the page',
          'click Post → optimistic copy',
          'click Post → stored copy',
          'long tasks, click → stored',
          'TBT, click → stored',
        ],
        [['1,000', ms(submit.optimisticMs), ms(submit.storedMs), submit.longTasks, ms(submit.tbtMs)]],
      ) +
      '\n\n' +
      table(
        ['whole thread on the page', 'click on Reply → reply form shown'],
        replyOpen.map(([n, t]) => [`${n.toLocaleString('en')} comments`, ms(t)]),
      ),
  );

  console.log('bench: host-page cost…');
  const host = await measureHostCost(browser, stack, SEED, QUICK ? 3 : 5);
  sections.push(
    '### Cost to the host page (demo article; median of 5 loads)\n\n' +
      table(
        ['page', 'long tasks during load', 'TBT during load', 'load event', 'CLS (load + scrolling to the comments)'],
        host.map((h) => [h.variant, h.longTasks, ms(h.tbtMs), ms(h.loadMs), h.cls.toFixed(4)]),
      ),
  );

  console.log('bench: re-anchoring inline comments…');
  const seedArticle = JSON.parse(fs.readFileSync(new URL('../server-stub/fixtures/westport-thread.json', import.meta.url), 'utf8')) as {
    article: { paragraphs: string[] };
  };
  const anchoring = measureAnchoring(seedArticle.article.paragraphs);
  sections.push(
    '### Re-anchoring inline comments (Node, median of 5; 200 quotes on a 60-paragraph, ~28,000-character article)\n\n' +
      table(
        ['article', 'quotes', 'time to locate all', 'found'],
        anchoring.map((a) => [a.scenario, a.anchors, `${a.ms.toFixed(1)} ms`, a.found]),
      ),
  );

  // Server: the same scenarios on SQLite and on PostgreSQL.
  const rows: LoadResult[] = [];
  const serverScenarios = async (api: string, store: string) => {
    const read200 = `${api}/api/comments?thread=%2Fbench-200&limit=200`;
    for (const c of [1, 16, 64]) {
      console.log(`bench: ${store} reads, ${c} connections…`);
      rows.push(await load(`${store}: read 200-comment thread (memory cache)`, { url: read200, connections: c, seconds: SECONDS }));
    }
    const etag = (await fetch(read200)).headers.get('etag')!;
    rows.push(
      await load(`${store}: read 200-comment thread, If-None-Match (304)`, {
        url: read200,
        connections: 16,
        seconds: SECONDS,
        headers: { 'if-none-match': etag },
      }),
    );
    for (const c of [1, 16, 64]) {
      console.log(`bench: ${store} posts, ${c} connections…`);
      rows.push(
        await load(`${store}: post a comment`, {
          url: `${api}/api/comments`,
          connections: c,
          seconds: SECONDS,
          method: 'POST',
          body: JSON.stringify({
            thread: '/bench-post',
            body: 'A benchmark comment of ordinary length, about as long as a short reply.',
            author: { name: 'Bench' },
          }),
          headers: { 'content-type': 'application/json' },
        }),
      );
    }
  };
  await serverScenarios(stack.api, 'SQLite');
  console.log('bench: PostgreSQL…');
  const cluster = process.env.DATABASE_URL ? null : await startTestCluster();
  if (cluster) process.env.DATABASE_URL = cluster.url;
  const pgDb = await freshDatabase();
  {
    const pgStore = await openPgStore(pgDb.url);
    for (const n of [...SIZES, 200]) await generateThread(pgStore, `/bench-${n}`, n);
    await pgStore.close();
    // Statistics, as autovacuum keeps them on a site: freshly filled, the planner reads a big thread's
    // first page by sorting all its top-level comments (3.0 ms instead of 1.4 for 3,000 of them).
    const client = new pg.Client({ connectionString: pgDb.url });
    await client.connect();
    await client.query('ANALYZE');
    await client.end();
  }
  const pgStack = await startStack({ env: { ...UNLIMITED, DATABASE_URL: pgDb.url } });
  await serverScenarios(pgStack.api, 'PostgreSQL');
  sections.push(
    `### Server throughput (autocannon on loopback, ${SECONDS} s per row; PostgreSQL 15 on the same machine)\n\n` +
      table(
        ['scenario', 'connections', 'req/s', 'p50', 'p99', 'errors'],
        rows.map((r) => [r.scenario, r.connections, r.rps, `${r.p50Ms} ms`, `${r.p99Ms} ms`, r.errors]),
      ),
  );

  // Cost growth with thread size, without the memory cache (every read hits the database).
  await stack.killApi();
  await pgStack.stop();
  const growth: LoadResult[] = [];
  for (const [store, env] of [
    ['SQLite', { THREADLINE_READ_CACHE: '0' }],
    ['PostgreSQL', { THREADLINE_READ_CACHE: '0', DATABASE_URL: pgDb.url }],
  ] as const) {
    const uncached = await startStack({ dbPath, env });
    // Sizes up, then down, each row the mean of its two runs: a drift of the machine (another
    // process's I/O, a cluster shutting down) weighs on every size alike instead of on the last ones.
    const runs = new Map<string, LoadResult[]>();
    // Every size in the default order; the smallest and the biggest also sorted by votes (an order
    // that sorted every top-level comment before it had an index of its own).
    const rows = [...SIZES.map((n) => ({ n, sort: '' })), ...[SIZES[0]!, SIZES.at(-1)!].map((n) => ({ n, sort: 'top' }))];
    for (const { n, sort } of [...rows, ...[...rows].reverse()]) {
      const scenario = `${store}: ${n} comments${sort ? `, sorted by ${sort}` : ''}`;
      console.log(`bench: ${store} first page of ${n}${sort ? ` by ${sort}` : ''} without cache…`);
      const url = `${uncached.api}/api/comments?thread=%2Fbench-${n}&limit=50${sort ? `&sort=${sort}` : ''}`;
      runs.set(scenario, [...(runs.get(scenario) ?? []), await load(scenario, { url, connections: 16, seconds: SECONDS })]);
    }
    for (const r of runs.values()) growth.push(meanOf(r));
    await uncached.stop();
  }
  await pgDb.drop();
  cluster?.stop();
  sections.push(
    '### Read cost as threads grow (first page of 50 top-level comments, memory cache off, 16 connections; mean of a run with sizes up and one with sizes down)\n\n' +
      table(
        ['thread', 'req/s', 'p50', 'p99', 'errors'],
        growth.map((r) => [r.scenario, r.rps, `${r.p50Ms} ms`, `${r.p99Ms} ms`, r.errors]),
      ),
  );

  const formatted = formattedThread();
  const inline = inlineAtLoad();
  sections.unshift(
    "### Issue 13's goals in this run\n\n" +
      table(['figure', 'goal', 'this run', ''], goalRows({ render, submit, growth, formatted, inlineAtLoad: inline })),
  );

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${new Date().toISOString().slice(0, 10)} · ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB · ${os.type()} ${os.release()} · Node ${process.version} · Chromium ${browser.version()} (headless) · threadline ${
    JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version
  } @ ${execSync('git rev-parse --short HEAD').toString().trim()}${QUICK ? ' · QUICK run' : ''}`;
  const report = `Latest run: ${machine}\n\n${sections.join('\n\n')}\n`;
  console.log(`\n${report}`);

  const doc = new URL('../docs/benchmarks.md', import.meta.url);
  const text = fs.readFileSync(doc, 'utf8');
  const [before, rest] = text.split('<!-- bench:start -->');
  const after = rest!.split('<!-- bench:end -->')[1];
  fs.writeFileSync(doc, `${before}<!-- bench:start -->\n${report}<!-- bench:end -->${after}`);
  fs.mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  fs.writeFileSync(
    new URL('./results/latest.json', import.meta.url),
    JSON.stringify({ machine, render, submit, replyOpen, host, anchoring, server: rows, growth, bytes: { formatted, inline } }, null, 2),
  );
} finally {
  await browser.close();
  await stack.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
