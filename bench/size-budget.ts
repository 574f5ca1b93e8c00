/**
 * Gzip size budgets of every file a reader downloads; part of `npm test` (after the build).
 * Raising a budget needs a reason in the commit message.
 */
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { LANGUAGES } from '../widget/src/protocol/languages.ts';

/** Budgets in bytes (gzip -9): one per file pattern. */
export const BUDGETS: { name: string; pattern: RegExp; bytes: number }[] = [
  // Runs at page load on every article: must stay tiny.
  // 2.625 KB with data-backend (issue 17): three attributes, handing the adapter to mount(), and
  // loading the WordPress counts chunk (0.12 KB; the counting itself is in that chunk).
  { name: 'embed.js (loader)', pattern: /^embed\.js$/, bytes: 2_688 },
  // First render: Preact + signals (~8 KB), ky (~7 KB), the thread, forms, styles, English. Was 30 KB
  // (30.08 KB measured before issue 18); 31 KB for 32 languages: the import map of their hashed chunks
  // (~0.55 KB), the shared language list with region rules and unpacking packed catalogs (~0.2 KB).
  // 33 KB with issues 11, 12 and 19: createModel and the split state models (~1.1 KB), the write
  // gate's proof-of-work ticket, features and held edits (~0.4 KB), word-boundary quote labels
  // (~0.4 KB). Issue 13 is to bring the formatted thread back under 30 KB.
  // 33.5 KB with issue 17 (0.33 KB): loadBackend() (the adapters' import sites), the required-name
  // hints, {message} in refusals and their English strings; the adapters are chunks of their own.
  // 34.75 KB with issue 14 (sign-in: +1.2 KB measured): the token model and its refresh, the Bearer
  // hook, the signed-in bar, "Sign in to comment", verified mark and staff badge, 9 English strings.
  // 36.25 KB with issue 16 (+1.5 KB measured): Report with its form, the editors' picks strip, their
  // model and styles, 15 English strings.
  // 36.5 KB with issue 15's reply-mail opt-in (the checkbox, its two English strings and the post's
  // notify and lang: 0.24 KB).
  // 37 KB with issue 13's first step (+0.6 KB): drawing long pages in slices and keeping unchanged
  // reply-tree nodes.
  // 37.25 KB with issue 14's OpenID sign-in (34,849 → 35,399 bytes measured): the popup, the checked
  // postMessage hand-off, the stored token, the Sign in / Sign out buttons, dropping a refused token.
  // 37.75 KB with issue 16's moderating in place (+0.44 KB measured: the hook that loads the tools
  // chunk for moderators, their styles and 12 English strings).
  // Issue 13's lean comment item left it about level (38,508 → 38,481 bytes measured): Edit, Delete,
  // Report and their forms moved to the comment tools chunk; the item's listener, keyed flags and
  // More button came in.
  { name: 'threadline.js (widget)', pattern: /^threadline\.js$/, bytes: 37.75 * 1024 },
  // Markdown + DOMPurify (11.7 KB of it).
  { name: 'format chunk', pattern: /^threadline-format-.*\.js$/, bytes: 15 * 1024 },
  // Proof of work (THREADLINE_POW=1): the ALTCHA solver and its worker; only where the server asks for it.
  { name: 'proof-of-work chunk', pattern: /^threadline-pow-solver-.*\.js$/, bytes: 1024 },
  // Inline comments (data-inline): markers, panel, fuzzy re-anchoring; only on pages that ask for them.
  { name: 'inline chunk', pattern: /^threadline-inline-layer-.*\.js$/, bytes: 8 * 1024 },
  // Edit, Delete, Report and their forms (issue 13): loaded when a reader first opens a comment's "More".
  { name: 'comment tools chunk', pattern: /^threadline-comment-tools-.*\.js$/, bytes: 1.5 * 1024 },
  // Moderating in place (issue 16): only a signed-in moderator's browser loads it.
  { name: 'moderation tools chunk', pattern: /^threadline-moderation-tools-.*\.js$/, bytes: 2 * 1024 },
  // Backend adapters (data-backend, issue 17): only pages that ask for one load it, never both.
  { name: 'WordPress adapter chunk', pattern: /^threadline-wordpress-adapter-.*\.js$/, bytes: 5 * 1024 },
  { name: 'static adapter chunk', pattern: /^threadline-static-backend-.*\.js$/, bytes: 2 * 1024 },
  // Paging a whole thread in memory: shared by both adapters.
  { name: 'adapter paging chunk', pattern: /^threadline-local-thread-.*\.js$/, bytes: 2 * 1024 },
  // embed.js's counts on WordPress index pages (no widget there).
  { name: 'WordPress counts adapter chunk', pattern: /^threadline-wordpress-counts-.*\.js$/, bytes: 1024 },
  // One per language (values only, see catalog-pack.ts); a reader loads at most one.
  {
    name: 'language chunk',
    pattern: new RegExp(`^threadline-(${LANGUAGES.join('|')})-[\\w-]{8}\\.js$`),
    // 2,600 with issue 13's "More actions" label: Greek was at 2,560 exactly.
    bytes: 2_600,
  },
];
/**
 * The most one reader of the threadline server downloads: every chunk but languages and backend
 * adapters (issue 17: only data-backend pages load one), plus the largest language. Was 50 KB;
 * raised to 55 KB for the inline-comments chunk (7 KB), which only pages with data-inline load;
 * 57 KB with the widget's growth above and the proof-of-work chunk (0.7 KB); 58.25 KB with sign-in (issue 14, 1.2 KB);
 * 59.75 KB with moderation's 1.5 KB in the widget (issue 16); 60 KB with the reply-mail opt-in (issue 15);
 * 61 KB with issue 13's slices (0.6 KB); 61.25 KB with the OpenID sign-in (0.5 KB); 61.75 KB with
 * moderating in place's 0.44 KB in threadline.js (issue 16). The moderation tools chunk is left out
 * like the adapters: readers never load it. 63.25 KB with issue 13's comment tools chunk (1.33 KB, which
 * a reader loads only to edit, delete or report; threadline.js is 27 bytes smaller).
 */
export const READER_TOTAL = 63.25 * 1024;

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
const isAdapter = (f: string) => BUDGETS.some((b) => (b.name.includes('adapter') || b.name.includes('moderation')) && b.pattern.test(f));
const total =
  files.filter((f) => f !== 'embed.js' && !isLanguage(f) && !isAdapter(f)).reduce((n, f) => n + gz(f), 0) +
  Math.max(0, ...files.filter(isLanguage).map(gz));
const totalOk = total <= READER_TOTAL;
failed ||= !totalOk;
console.log(`size: ${totalOk ? 'ok  ' : 'OVER'} ${'most one reader downloads'.padEnd(34)} ${kb(total)} gzip of ${kb(READER_TOTAL)}`);
if (failed) process.exit(1);
