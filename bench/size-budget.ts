/**
 * Gzip size budgets of every file a reader downloads; part of `npm test` (after the build).
 * Raising a budget needs a reason in the commit message.
 */
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Budget in bytes (gzip -9) per built file. */
export const BUDGETS: Record<string, number> = {
  // Runs at page load on every article: must stay tiny.
  'embed.js': 2_560,
  // The whole widget: Preact, signals, ky (and later DOMPurify) and our styles.
  'threadline.js': 30 * 1024,
};

let failed = false;
for (const [file, budget] of Object.entries(BUDGETS)) {
  const path = new URL(`../dist/${file}`, import.meta.url);
  if (!fs.existsSync(path)) {
    console.error(`size: dist/${file} is missing; run npm run build`);
    failed = true;
    continue;
  }
  const raw = fs.readFileSync(path);
  const gz = gzipSync(raw, { level: 9 }).length;
  const ok = gz <= budget;
  failed ||= !ok;
  console.log(
    `size: ${ok ? 'ok  ' : 'OVER'} dist/${file.padEnd(14)} ${(gz / 1024).toFixed(2).padStart(6)} KB gzip of ${(budget / 1024).toFixed(2)} KB budget (${(raw.length / 1024).toFixed(1)} KB raw)`,
  );
}
if (failed) process.exit(1);
