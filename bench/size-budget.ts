/**
 * Gzip size budgets of every file a reader downloads; part of `npm test` (after the build).
 * Raising a budget needs a reason in the commit message.
 */
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Budgets in bytes (gzip -9): one per file pattern, and one for all widget files together. */
export const BUDGETS: { name: string; pattern: RegExp; bytes: number }[] = [
  // Runs at page load on every article: must stay tiny.
  { name: 'embed.js (loader)', pattern: /^embed\.js$/, bytes: 2_560 },
  // First render: Preact, signals, ky, the thread UI, styles and English strings.
  { name: 'threadline.js (widget)', pattern: /^threadline\.js$/, bytes: 30 * 1024 },
  // Markdown + DOMPurify (11.7 KB of it), fetched only for threads with formatting.
  { name: 'format chunk', pattern: /^threadline-format-.*\.js$/, bytes: 15 * 1024 },
];
/** Everything a reader can download: widget, every chunk, every language. */
export const TOTAL_BUDGET = 48 * 1024;

const dist = new URL('../dist/', import.meta.url);
const files = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => f.endsWith('.js')) : [];
const gz = (f: string) => gzipSync(fs.readFileSync(new URL(f, dist)), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(2).padStart(6)} KB`;

let failed = false;
for (const { name, pattern, bytes } of BUDGETS) {
  const matched = files.filter((f) => pattern.test(f));
  if (matched.length === 0) {
    console.error(`size: MISSING ${name}: run npm run build`);
    failed = true;
  }
  for (const f of matched) {
    const size = gz(f);
    const ok = size <= bytes;
    failed ||= !ok;
    console.log(`size: ${ok ? 'ok  ' : 'OVER'} ${f.padEnd(34)} ${kb(size)} gzip of ${kb(bytes)}`);
  }
}
const total = files.filter((f) => f !== 'embed.js').reduce((n, f) => n + gz(f), 0);
const totalOk = total <= TOTAL_BUDGET;
failed ||= !totalOk;
console.log(`size: ${totalOk ? 'ok  ' : 'OVER'} ${'all widget files'.padEnd(34)} ${kb(total)} gzip of ${kb(TOTAL_BUDGET)}`);
if (failed) process.exit(1);
