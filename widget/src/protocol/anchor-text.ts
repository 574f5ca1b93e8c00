import type { Anchor } from './types.ts';

/**
 * The text of anchors (inline comments), as both sides read it: whitespace collapsed, bidi marks
 * dropped, and the label a reader sees of a passage. Describing a passage is anchor-passage.ts
 * (only inline comments need it, so it loads with them); finding it again after the page changed
 * is the widget's (widget/src/inline/quote-match.ts).
 */

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
