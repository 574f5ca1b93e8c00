/**
 * `npx tsx bench/import.ts [10000 100000 1000000]`: imports generated WordPress exports (WXR) with
 * the `import` command, as a site owner would, and records wall time and peak resident memory
 * (`/usr/bin/time -v`) per size into docs/benchmarks.md (between the import-bench markers). Not
 * part of `npm test` or `npm run bench`: the largest file is about 1.2 GB and takes many minutes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWxr } from './generate-wxr.ts';

const asked = process.argv.slice(2).map(Number).filter(Boolean);
const sizes = asked.length ? asked : [10_000, 100_000, 1_000_000];
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'server-stub/bin/threadline-server.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-import-bench-'));
const env = { ...process.env, THREADLINE_SEED: '0', DATABASE_URL: '', THREADLINE_LOG: '0' };

const rows: string[] = [];
try {
  for (const n of sizes) {
    const file = path.join(dir, `export-${n}.xml`);
    const mb = (await generateWxr(file, n)) / 2 ** 20;
    console.log(`import bench: ${n.toLocaleString('en')} comments, ${mb.toFixed(0)} MB…`);
    const run = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, 'import', file, '--db', path.join(dir, `site-${n}.db`)], {
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (run.status !== 0) throw new Error(`import of ${n} failed: ${run.stderr}`);
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(run.stderr)![1]!;
    const seconds = wall.split(':').reduce((total, part) => total * 60 + Number(part), 0);
    const peak = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)![1]) / 1024;
    const row = `| ${n.toLocaleString('en')} | ${mb.toFixed(0)} MB | ${seconds.toFixed(0)} s | ${Math.round(n / seconds).toLocaleString('en')}/s | ${peak.toFixed(0)} MB |`;
    console.log(row, run.stdout.split('\n')[0]);
    rows.push(row);
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

// Read the document now: another run (of other sizes) may have written it meanwhile; its rows stay.
const doc = path.join(root, 'docs/benchmarks.md');
const text = fs.readFileSync(doc, 'utf8');
const [before, rest] = text.split('<!-- import-bench:start -->');
if (rest === undefined) throw new Error('docs/benchmarks.md has no import-bench markers');
const [old, after] = rest.split('<!-- import-bench:end -->');
const sizeOf = (row: string) => Number(row.split('|')[1]?.replace(/,/g, ''));
rows.push(...(old ?? '').split('\n').filter((r) => r.startsWith('| ') && sizeOf(r) > 0 && !sizes.includes(sizeOf(r))));
rows.sort((a, b) => sizeOf(a) - sizeOf(b));
const section = `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, SQLite; a machine shared with other jobs, so times are an upper bound.

| comments | WXR file | wall time | rate | peak resident memory |
|---|---|---|---|---|
${rows.join('\n')}
`;
fs.writeFileSync(doc, `${before}<!-- import-bench:start -->\n${section}<!-- import-bench:end -->${after ?? ''}`);
console.log(section);
