import type { Anchor } from './types.ts';

/**
 * The text of anchors (inline comments), as both sides read it: the page's commentable text is its
 * blocks (paragraphs), whitespace collapsed, joined by a blank line. Describing a passage and
 * labelling one are here; finding it again after the page changed is the widget's
 * (widget/src/inline/quote-match.ts).
 */

/** Blocks are joined by this in the text that positions and context refer to. */
export const BLOCK_SEPARATOR = '\n\n';
/** Characters of context kept on each side of a quote. */
export const CONTEXT_CHARS = 32;
/** Characters of a paragraph quoted by a paragraph anchor (the start of it). */
export const PARAGRAPH_CHARS = 1000;

/** Bidi marks the server strips from anchors (cleanName): a page's text must drop them too to match. */
export const INVISIBLE_MARKS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Whitespace collapsed and bidi marks dropped, as blocks are read from the page. */
export const collapse = (text: string): string => text.replace(INVISIBLE_MARKS, '').replace(/\s+/g, ' ').trim();

/** Characters a label shows of a quote (its start and end) and of a paragraph (its opening words). */
export const LABEL_QUOTE_CHARS = 120;
export const LABEL_PARAGRAPH_CHARS = 80;
/** A sentence's end: . ! ? … (or Arabic, Urdu, CJK ones), maybe inside closing quotes or brackets. */
const SENTENCE_END = /[.!?…。؟۔][»”’"')\]]*$/u;

/** The start of `text` up to about `max` characters, cut between words (mid-word only in one long word). */
function headOf(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max + 1).join('');
  const cut = head.lastIndexOf(' ');
  return (cut > head.length / 2 ? head.slice(0, cut) : chars.slice(0, max).join('')).trimEnd();
}

/** The end of `text` from about `max` characters before it, cut between words. */
const tailOf = (text: string, max: number) => [...headOf([...text].reverse().join(''), max)].reverse().join('');

/**
 * What a reader sees of an anchored passage: a paragraph's opening words, "…" if it goes on; a
 * quote with its middle elided (" … ") past LABEL_QUOTE_CHARS, "…" before it unless it opens a
 * sentence and after it unless it ends one. Never cut inside a word.
 */
export function quoteLabel(anchor: Pick<Anchor, 'type' | 'exact' | 'prefix' | 'suffix'>): string {
  const exact = collapse(anchor.exact);
  if (anchor.type === 'paragraph') {
    const head = headOf(exact, LABEL_PARAGRAPH_CHARS);
    return head === exact ? exact : `${head}…`;
  }
  const half = LABEL_QUOTE_CHARS / 2;
  const short = [...exact].length <= LABEL_QUOTE_CHARS ? exact : `${headOf(exact, half)} … ${tailOf(exact, half - 10)}`;
  const prefix = collapse(anchor.prefix ?? '');
  const opens = anchor.prefix !== undefined && (prefix === '' || SENTENCE_END.test(prefix) || prefix.endsWith(':'));
  const ends = SENTENCE_END.test(exact) || anchor.suffix === '';
  return `${opens ? '' : '…'}${short}${ends ? '' : '…'}`;
}

/** Offsets of each block in the joined text. */
export function blockStarts(blocks: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const b of blocks) {
    starts.push(at);
    at += b.length + BLOCK_SEPARATOR.length;
  }
  return starts;
}

/** The anchor a reader makes by selecting `start`–`end` of block `block` (or the whole block). */
export function describePassage(
  blocks: readonly string[],
  block: number,
  type: Anchor['type'],
  start = 0,
  end = blocks[block]?.length ?? 0,
): Anchor {
  const text = blocks.join(BLOCK_SEPARATOR);
  const at = blockStarts(blocks)[block] ?? 0;
  const from = at + (type === 'paragraph' ? 0 : start);
  const to = at + (type === 'paragraph' ? Math.min(blocks[block]!.length, PARAGRAPH_CHARS) : end);
  return {
    type,
    exact: text.slice(from, to),
    prefix: collapse(text.slice(Math.max(0, from - CONTEXT_CHARS), from)),
    suffix: collapse(text.slice(to, to + CONTEXT_CHARS)),
    position: from,
  };
}
