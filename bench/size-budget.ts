/**
 * Gzip size budgets of every file a reader downloads; part of `npm test` (after the build).
 * Raising a budget needs a reason in the commit message.
 */
import { LANGUAGES } from '../widget/src/protocol/languages.ts';
import { type Download, distFiles, formattedThread, gzipSize as gz, inlineAtLoad } from './bundle-bytes.ts';

/** Budgets in bytes (gzip -9): one per file pattern. */
export const BUDGETS: { name: string; pattern: RegExp; bytes: number }[] = [
  // Runs at page load on every article: must stay tiny.
  // 2.625 KB with data-backend (issue 17): three attributes, handing the adapter to mount(), and
  // loading the WordPress counts chunk (0.12 KB; the counting itself is in that chunk).
  // 2.8 KB with data-inline's marker layer (issue 13, +0.14 KB): loading it and handing it to mount().
  // 2.82 KB: it names each language chunk, the marker layer and the WordPress counts by content hash,
  // and those letters alone move its gzip size by a few bytes whenever a chunk changes (2,868 bytes
  // with no change to it: 1 byte over 2.8 KB).
  { name: 'embed.js (loader)', pattern: /^embed\.js$/, bytes: 2.82 * 1024 },
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
  // 32.25 KB with issue 13's write chunk (38,508 → 32,769 bytes measured): ky, the write models and
  // the English refusals of writes load after the first screenful; reads go over plain fetch.
  { name: 'threadline.js (widget)', pattern: /^threadline\.js$/, bytes: 32.25 * 1024 },
  // What a reader needs to write but not to read (issue 13): ky for the writes, the full comment form,
  // the write models, English refusals. Loaded at idle after the first screenful, or at once when the reader reaches for a form.
  { name: 'write chunk', pattern: /^threadline-write-chunk-.*\.js$/, bytes: 7.75 * 1024 },
  // The Markdown parser, drawn straight to Preact elements (issue 13: 1.59 KB, was 13.00 KB with
  // DOMPurify, which reader Markdown no longer needs).
  { name: 'format chunk', pattern: /^threadline-format-.*\.js$/, bytes: 1.75 * 1024 },
  // Adapter HTML (WordPress bodies): the body, the allow-list and Element.setHTML; only adapter pages load it.
  { name: 'adapter HTML chunk', pattern: /^threadline-html-body-.*\.js$/, bytes: 1.25 * 1024 },
  // DOMPurify, for adapter HTML in browsers without a usable Element.setHTML; readers with it never load it.
  { name: 'adapter HTML fallback chunk (DOMPurify)', pattern: /^threadline-purify-.*\.js$/, bytes: 12 * 1024 },
  // Proof of work (THREADLINE_POW=1): the ALTCHA solver and its worker; only where the server asks for it.
  { name: 'proof-of-work chunk', pattern: /^threadline-pow-solver-.*\.js$/, bytes: 1024 },
  // Inline comments (data-inline): markers, panel, fuzzy re-anchoring; only on pages that ask for them.
  // 8.5 KB with issue 13 (+0.2 KB): taking over the marker layer, its styles as a sheet of their own.
  { name: 'inline chunk', pattern: /^threadline-inline-layer-.*\.js$/, bytes: 8.5 * 1024 },
  // data-inline at page load (issue 13): the anchors, re-anchoring and markers in plain DOM (no Preact).
  { name: 'marker layer chunk', pattern: /^threadline-markers-.*\.js$/, bytes: 6.25 * 1024 },
  // Edit, Delete, Report and their forms (issue 13): loaded when a reader first opens a comment's "More".
  // 1.75 KB with those forms' styles (tools.css, 0.34 KB), which threadline.js no longer carries.
  { name: 'comment tools chunk', pattern: /^threadline-comment-tools-.*\.js$/, bytes: 1.75 * 1024 },
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
 * like the adapters: readers never load it. 50.5 KB with issue 13's Markdown drawn as elements (61.70 →
 * 50.34 KB measured): DOMPurify left the format chunk for the adapter HTML chunks, left out like the adapters.
 * 57 KB with data-inline's marker layer (issue 13, 6.1 KB; it re-anchors with its own copy of quote-match,
 * so the inline chunk's is fetched twice by a reader who opens one). +2 KB with issue 13's write chunk: what
 * moved out of threadline.js compresses apart from it (+1.8 KB), the price of a first screenful without it.
 * 60.5 KB with issue 13's comment tools chunk (1.33 KB, which a reader loads only to edit, delete or report).
 * 60.75 KB when those tools' English words moved from threadline.js into the write chunk, which the
 * tools now wait for (threadline.js −0.18 KB; apart from the rest of the catalog they compress 0.13 KB worse).
 * 61 KB when the report and edit forms' styles moved into that chunk the same way (threadline.js −0.19 KB,
 * +0.15 KB in all), and the moderation tools' into theirs.
 */
export const READER_TOTAL = 61 * 1024;
/**
 * What a page with data-inline fetches at load (issue 13's goal): embed.js, the marker layer it
 * names, and every chunk that one imports statically, followed in the files themselves.
 */
export const INLINE_AT_LOAD = 12 * 1024;

/**
 * Issue 13: a thread with formatting on screen (embed.js, threadline.js, the format chunk and what
 * they import). The goal is 30 KB; this is what the code weighs until it gets there: 53.2 KB measured
 * before this round, 36.44 KB with Markdown drawn as elements (format chunk 13.0 → 1.6 KB) and the
 * writes in their own chunk (threadline.js 37.6 → 32.1 KB).
 */
export const FORMATTED_THREAD = 36.75 * 1024;

const files = distFiles();
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
const checkDownload = (name: string, download: () => Download, budget: number) => {
  const { bytes, files: parts } = download();
  const ok = bytes <= budget;
  failed ||= !ok;
  console.log(`size: ${ok ? 'ok  ' : 'OVER'} ${name.padEnd(34)} ${kb(bytes)} gzip of ${kb(budget)} (${parts.join(' + ')})`);
};
if (files.length) {
  checkDownload('a formatted thread on screen', formattedThread, FORMATTED_THREAD);
  checkDownload('at load with data-inline', inlineAtLoad, INLINE_AT_LOAD);
}
if (failed) process.exit(1);
