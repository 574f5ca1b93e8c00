/**
 * `npx tsx bench/profile.ts [N]`: where the time of drawing N comments at once goes (default 1,000),
 * by kind of code, median-free single profile (run it twice on a shared machine). Needs `npm run build`;
 * with a build that has source maps (`THREADLINE_SOURCEMAP=1 npm run build`) it also lists the
 * widget's functions with the most self time, by their names in the source.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { SourceMapConsumer } from 'source-map-js';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { startStack } from '../e2e/stack.ts';
import { openSqliteStore } from '../server-stub/src/store/sqlite-store.ts';
import { generateThread } from './generate-thread.ts';
import { type CpuProfile, profileAllAtOnce } from './render.ts';

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
    let profile: CpuProfile | undefined;
    const totals = await profileAllAtOnce(browser, stack, `/bench-${n}`, n, (p) => {
      profile = p;
    });
    const sum = Object.entries(totals)
      .filter(([k]) => k !== 'idle')
      .reduce((s, [, v]) => s + v, 0);
    console.log(`run ${run}: ${Math.round(sum)} ms busy (load ${os.loadavg()[0]!.toFixed(1)})`);
    for (const [kind, ms] of Object.entries(totals).sort((a, b) => b[1] - a[1]))
      console.log(
        `  ${kind.padEnd(46)} ${Math.round(ms).toString().padStart(5)} ms${kind === 'idle' ? '' : `  ${((ms / sum) * 100).toFixed(0)}%`}`,
      );
    if (profile) printFunctions(profile);
  }
} finally {
  await browser.close();
  await stack.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Self time of the widget's own functions, named through the build's source maps (when it has them). */
function printFunctions(profile: CpuProfile): void {
  const maps = new Map<string, SourceMapConsumer | null>();
  const mapOf = (url: string) => {
    const file = path.join('dist', new URL(url).pathname);
    if (!maps.has(file))
      maps.set(file, fs.existsSync(`${file}.map`) ? new SourceMapConsumer(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'))) : null);
    return maps.get(file);
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples?.forEach((id, i) => {
    const { url, functionName, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    if (!/threadline/.test(url)) return;
    const map = mapOf(url);
    if (!map) return;
    const at = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    const name = `${at.name ?? (functionName || '(anonymous)')} ${at.source?.replace(/^.*node_modules\//, '').replace(/^.*widget\/src\//, '')}:${at.line}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  if (!self.size) return;
  console.log('  widget functions by self time:');
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`    ${Math.round(ms).toString().padStart(5)} ms  ${name}`);
}
