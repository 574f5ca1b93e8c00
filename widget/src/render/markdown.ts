/**
 * The Markdown subset comments may use, parsed to a small tree: paragraphs, line breaks,
 * *emphasis*, **strong**, `code`, fenced code blocks, > block quotes, - / 1. lists (nested by
 * indentation) and links ([text](url), bare http(s) URLs). Everything else is text: raw HTML in a
 * comment is text, never markup. The tree holds only the elements below and text, so drawing it
 * (markdown-vnodes.ts) needs no sanitizer.
 */
import { parseInline } from './markdown-inline.ts';
import type { MdNode } from './markdown-tree.ts';

/** Private-use characters mark stashed pieces and emphasis while parsing; remove any the text brings itself. */
const MARKERS = /[\ue000-\ue005]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BULLET = /^( {0,3})([-*+]|\d{1,9}[.)])[ \t]+/;
const QUOTE = /^ {0,3}> ?/;
/**
 * Quotes and lists nested deeper than this read as typed text: each level is a few stack frames
 * here and in Preact's diff, and a 10,000-character body of "> > > …" must not overflow the stack.
 */
export const MAX_NESTING = 16;

/** Parses a comment body to its tree. */
export function parseMarkdown(text: string): MdNode[] {
  return parseBlocks(text.replace(MARKERS, '').replace(/\r\n?/g, '\n').split('\n'), 0);
}

function parseBlocks(lines: string[], depth: number): MdNode[] {
  const out: MdNode[] = [];
  const nests = depth < MAX_NESTING;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence[1]![0]}{${fence[1]!.length},}\\s*$`);
      const code: string[] = [];
      for (i++; i < lines.length && !close.test(lines[i]!); i++) code.push(lines[i]!);
      i++;
      out.push({ tag: 'pre', children: [{ tag: 'code', children: [code.join('\n')] }] });
      continue;
    }
    if (nests && QUOTE.test(line)) {
      const inner: string[] = [];
      for (; i < lines.length && lines[i]!.trim() && QUOTE.test(lines[i]!); i++) inner.push(lines[i]!.replace(QUOTE, ''));
      out.push({ tag: 'blockquote', children: parseBlocks(inner, depth + 1) });
      continue;
    }
    if (nests && BULLET.test(line)) {
      i = parseList(lines, i, out, depth);
      continue;
    }
    const para: MdNode[] = [];
    for (
      let first = true;
      i < lines.length &&
      lines[i]!.trim() &&
      !FENCE.test(lines[i]!) &&
      !(nests && (QUOTE.test(lines[i]!) || (!first && BULLET.test(lines[i]!))));
      i++, first = false
    ) {
      if (!first) para.push({ tag: 'br', children: [] });
      para.push(...parseInline(lines[i]!.trim()));
    }
    out.push({ tag: 'p', children: para });
  }
  return out;
}

/** Parses the list starting at `start` into `out`; returns the index of the first line after it. */
function parseList(lines: string[], start: number, out: MdNode[], depth: number): number {
  const first = BULLET.exec(lines[start]!)!;
  const ordered = /\d/.test(first[2]!);
  const indent = first[1]!.length;
  const items: MdNode[] = [];
  let i = start;
  while (i < lines.length) {
    const m = BULLET.exec(lines[i]!);
    if (!m || m[1]!.length !== indent || /\d/.test(m[2]!) !== ordered) break;
    const contentIndent = m[0].length;
    const body = [lines[i]!.slice(contentIndent)];
    // Continuation lines are indented past the marker; a blank line ends the item unless more indented text follows.
    for (i++; i < lines.length; i++) {
      const l = lines[i]!;
      const lead = l.length - l.trimStart().length;
      if (!l.trim()) {
        const next = lines[i + 1];
        if (next?.trim() && next.length - next.trimStart().length > indent) {
          body.push('');
          continue;
        }
        break;
      }
      if (lead <= indent) break;
      body.push(l.slice(Math.min(lead, contentIndent)));
    }
    const blocks = parseBlocks(body, depth + 1);
    const only = blocks.length === 1 ? blocks[0] : undefined;
    // A one-paragraph item renders tight, without the <p>.
    items.push({ tag: 'li', children: typeof only === 'object' && only.tag === 'p' ? only.children : blocks });
  }
  const n = parseInt(first[2]!, 10);
  out.push(ordered ? { tag: 'ol', ...(n !== 1 && { start: n }), children: items } : { tag: 'ul', children: items });
  return i;
}
