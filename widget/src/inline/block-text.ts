/**
 * A block's text as anchors see it (whitespace collapsed and bidi marks dropped, as collapse() in
 * quote-match.ts does), and the way back from offsets in it to DOM ranges. Reads the page; never
 * changes it.
 */

/** One block's collapsed text with, per character, the text node and offset it came from. */
export interface BlockText {
  readonly element: Element;
  readonly text: string;
  /** Per character of `text`: the text node it is in and its offset there. */
  readonly at: readonly { node: Text; offset: number }[];
}

const SPACE = /\s/;
/** Bidi marks: the server strips them from anchors, so an RTL page's text must be read without them. */
const MARK = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/** Reads a block: every text node in order, runs of white space as one space, ends trimmed. */
export function readBlock(element: Element): BlockText {
  const at: { node: Text; offset: number }[] = [];
  let text = '';
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      if (MARK.test(data[i]!)) continue;
      if (SPACE.test(data[i]!)) {
        if (text === '' || text.endsWith(' ')) continue;
        text += ' ';
      } else text += data[i];
      at.push({ node, offset: i });
    }
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    at.pop();
  }
  return { element, text, at };
}

/** Length of `raw` once collapsed the way readBlock collapses (trailing space included). */
function collapsedLength(raw: string): number {
  let n = 0;
  let lastSpace = true;
  for (const ch of raw) {
    if (MARK.test(ch)) continue;
    const space = SPACE.test(ch);
    if (space && lastSpace) continue;
    n += ch.length;
    lastSpace = space;
  }
  return n;
}

/** Offsets in the block's text of a range inside it; null when the range leaves the block. */
export function offsetsOf(block: BlockText, range: Range): { start: number; end: number } | null {
  const el = block.element;
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return null;
  const before = el.ownerDocument.createRange();
  before.selectNodeContents(el);
  before.setEnd(range.startContainer, range.startOffset);
  const start = Math.min(block.text.length, collapsedLength(before.toString()));
  before.setEnd(range.endContainer, range.endOffset);
  let end = Math.min(block.text.length, collapsedLength(before.toString()));
  // A selection ending in white space (double-click selects the word and the space after it).
  while (end > start && block.text[end - 1] === ' ') end--;
  let from = start;
  while (from < end && block.text[from] === ' ') from++;
  return end > from ? { start: from, end } : null;
}

/** A DOM range over `start`–`end` of the block's text. */
export function rangeOf(block: BlockText, start: number, end: number): Range | null {
  const first = block.at[start];
  const last = block.at[end - 1];
  if (!first || !last || end <= start) return null;
  const range = block.element.ownerDocument.createRange();
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, last.offset + 1);
  return range;
}
