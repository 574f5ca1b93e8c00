import search from 'approx-string-match';
import type { Anchor } from '../protocol/types.ts';

/**
 * Text-quote anchoring (W3C Web Annotation TextQuoteSelector + a position hint), on plain strings.
 * The page's commentable text is its blocks (paragraphs), whitespace collapsed, joined by a
 * blank line; offsets below are into that text unless they say "in the block".
 */

/** Blocks are joined by this in the text that positions and context refer to. */
export const BLOCK_SEPARATOR = '\n\n';
/** Characters of context kept on each side of a quote. */
export const CONTEXT_CHARS = 32;
/** Characters of a paragraph quoted by a paragraph anchor (the start of it). */
export const PARAGRAPH_CHARS = 1000;

/** Where an anchor was found: the block and the offsets of the passage in it. */
export interface Located {
  block: number;
  start: number;
  end: number;
  /** 1 for the exact text in place; lower for a fuzzy match after the page changed. */
  quality: number;
}

/** Whitespace collapsed, as blocks are read from the page. */
export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Offsets of each block in the joined text. */
function blockStarts(blocks: readonly string[]): number[] {
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

/** 1 when `b` reads the same as `a`, falling towards 0 with each character edited. */
function similarity(a: string, b: string): number {
  if (a.length === 0 || b.includes(a)) return 1;
  if (b.length === 0) return 0;
  const best = search(b, a, a.length).reduce((min, m) => Math.min(min, m.errors), a.length);
  return 1 - best / a.length;
}

/**
 * Finds an anchor in the page's blocks: the exact quote if it is still there (the occurrence whose
 * context and position fit best), else the closest fuzzy match that is still recognisably the
 * same passage (a word changed, a typo fixed). Null when the passage is gone.
 */
export function locateAnchor(
  blocks: readonly string[],
  anchor: Pick<Anchor, 'type' | 'exact' | 'prefix' | 'suffix' | 'position'>,
): Located | null {
  const exact = collapse(anchor.exact);
  if (!exact || blocks.length === 0) return null;
  const text = blocks.join(BLOCK_SEPARATOR);
  const prefix = collapse(anchor.prefix ?? '');
  const suffix = collapse(anchor.suffix ?? '');

  let candidates: { start: number; end: number; errors: number }[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1))
    candidates.push({ start: i, end: i + exact.length, errors: 0 });
  if (candidates.length === 0) {
    // A quarter of the quote may have changed; beyond that it is another passage.
    candidates = search(text, exact, Math.floor(exact.length / 4));
  }
  let best: { start: number; end: number; quote: number; context: number; score: number } | undefined;
  // The quote once, unchanged: nothing to weigh (the common case on an unedited page).
  if (candidates.length === 1 && candidates[0]!.errors === 0) best = { ...candidates[0]!, quote: 1, context: 1, score: 0 };
  else
    for (const c of candidates) {
      const quote = 1 - c.errors / exact.length;
      const before = collapse(text.slice(Math.max(0, c.start - prefix.length - 8), c.start));
      const after = collapse(text.slice(c.end, c.end + suffix.length + 8));
      const context = (similarity(prefix, before.slice(-prefix.length - 4)) + similarity(suffix, after.slice(0, suffix.length + 4))) / 2;
      const near = anchor.position === undefined ? 0 : 1 - Math.min(1, Math.abs(c.start - anchor.position) / Math.max(1, text.length));
      // Weights as in Hypothesis: the quote counts most, then its context, then where it was.
      const score = 50 * quote + 20 * context + 2 * near;
      if (!best || score > best.score) best = { start: c.start, end: c.end, quote, context, score };
    }
  if (!best) return null;
  // A short quote found only approximately needs its context too: "Trust Act" changed into
  // "Trust Fund" elsewhere on the page is not the passage the reader commented on.
  if (best.quote < 1 && exact.length < 32 && best.context < 0.5) return null;

  const starts = blockStarts(blocks);
  let block = 0;
  while (block + 1 < starts.length && starts[block + 1]! <= best.start) block++;
  const at = starts[block]!;
  const length = blocks[block]!.length;
  if (anchor.type === 'paragraph') return { block, start: 0, end: length, quality: best.quote };
  return { block, start: Math.max(0, best.start - at), end: Math.min(length, best.end - at), quality: best.quote };
}
