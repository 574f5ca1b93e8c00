/** Bare links stay as written: the widget links them, and a backslash inside would end up in the address. */
const BARE_URL = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** Characters the widget's Markdown reads anywhere in a line, and marks it reads at a line's start. */
const INLINE = /[\\`*_[\]]/g;
const LINE_START: [RegExp, string][] = [
  [/^(\s*)>/gm, '$1\\>'],
  [/^(\s*)([-+])(?=\s)/gm, '$1\\$2'],
  [/^(\s*\d+)([.)])(?=\s)/gm, '$1\\$2'],
  [/^(\s*)(~~~|```)/gm, '$1\\$2'],
];

/**
 * Escapes text so that the widget's Markdown subset (widget/src/render/markdown.ts) shows it as
 * written: `¯\_(ツ)_/¯` stays a shrug, `2. place` stays text, `*not emphasis*` keeps its stars.
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(BARE_URL)) {
    out += escapeText(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + escapeText(text.slice(last));
}

function escapeText(text: string): string {
  let s = text.replace(INLINE, '\\$&');
  for (const [pattern, replacement] of LINE_START) s = s.replace(pattern, replacement);
  return s;
}
