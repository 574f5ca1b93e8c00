/**
 * Gzip size budgets of every file a reader downloads; part of `npm test` (after the build).
 * Raising a budget needs a reason in the commit message.
 */
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Budgets in bytes (gzip -9): one per file pattern. */
export const BUDGETS: { name: string; pattern: RegExp; bytes: number }[] = [
  // Runs at page load on every article: must stay tiny.
  { name: 'embed.js (loader)', pattern: /^embed\.js$/, bytes: 2_560 },
  // First render: Preact + signals (~8 KB), ky (~7 KB), the thread, forms, styles, English.
  { name: 'threadline.js (widget)', pattern: /^threadline\.js$/, bytes: 30 * 1024 },
  // Markdown + DOMPurify (11.7 KB of it).
  { name: 'format chunk', pattern: /^threadline-format-.*\.js$/, bytes: 15 * 1024 },
  // Inline comments (data-inline): markers, panel, fuzzy re-anchoring; only on pages that ask for them.
  { name: 'inline chunk', pattern: /^threadline-inline-layer-.*\.js$/, bytes: 8 * 1024 },
  // Backend adapters (data-backend): only pages that ask for one load it, and never both.
  { name: 'WordPress adapter chunk', pattern: /^threadline-wordpress-adapter-.*\.js$/, bytes: 5 * 1024 },
  { name: 'static adapter chunk', pattern: /^threadline-static-backend-.*\.js$/, bytes: 2 * 1024 },
  // Paging a whole thread in memory: shared by both adapters.
  { name: 'local thread chunk', pattern: /^threadline-local-thread-.*\.js$/, bytes: 2 * 1024 },
  // One per language; a reader loads at most one.
  { name: 'language chunk', pattern: /^threadline-(de|es|fr|pt|ja|ar)-.*\.js$/, bytes: 2_560 },
];
/**
 * The most one reader downloads: every chunk but languages and adapters, plus the largest
 * language and the largest adapter. Was 50 KB;
 * raised to 55 KB for the inline-comments chunk (7 KB), which only pages with data-inline load;
 * to 60 KB for a backend adapter (WordPress ~4 KB + 0.7 KB shared), which only pages with data-backend load.
 */
export const READER_TOTAL = 60 * 1024;

const dist = new URL('../dist/', import.meta.url);
const files = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => f.endsWith('.js')) : [];
const gz = (f: string) => gzipSync(fs.readFileSync(new URL(f, dist)), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(2).padStart(6)} KB`;

let failed = false;
const unbudgeted = files.filter((f) => !BUDGETS.some((b) => b.pattern.test(f)));
if (unbudgeted.length) {
  console.error(`size: no budget for ${unbudgeted.join(', ')}`);
  failed = true;
}
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
const isLanguage = (f: string) => BUDGETS.find((b) => b.name === 'language chunk')!.pattern.test(f);
const isAdapter = (f: string) => BUDGETS.filter((b) => b.name.endsWith('adapter chunk')).some((b) => b.pattern.test(f));
const total =
  files.filter((f) => f !== 'embed.js' && !isLanguage(f) && !isAdapter(f)).reduce((n, f) => n + gz(f), 0) +
  Math.max(0, ...files.filter(isLanguage).map(gz)) +
  Math.max(0, ...files.filter(isAdapter).map(gz));
const totalOk = total <= READER_TOTAL;
failed ||= !totalOk;
console.log(`size: ${totalOk ? 'ok  ' : 'OVER'} ${'most one reader downloads'.padEnd(34)} ${kb(total)} gzip of ${kb(READER_TOTAL)}`);
if (failed) process.exit(1);
