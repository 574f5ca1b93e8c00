import type { Anchor } from '../protocol/types.ts';
/**
 * Text-quote anchoring (W3C Web Annotation TextQuoteSelector + a position hint), on plain strings.
 * The page's commentable text is its blocks (paragraphs), whitespace collapsed, joined by a
 * blank line; offsets below are into that text unless they say "in the block".
 */
/** Blocks are joined by this in the text that positions and context refer to. */
export declare const BLOCK_SEPARATOR = '\n\n';
/** Characters of context kept on each side of a quote. */
export declare const CONTEXT_CHARS = 32;
/** Characters of a paragraph quoted by a paragraph anchor (the start of it). */
export declare const PARAGRAPH_CHARS = 1000;
/** Where an anchor was found: the block and the offsets of the passage in it. */
export interface Located {
  block: number;
  start: number;
  end: number;
  /** 1 for the exact text in place; lower for a fuzzy match after the page changed. */
  quality: number;
}
/** Whitespace collapsed, as blocks are read from the page. */
export declare const collapse: (text: string) => string;
/** The anchor a reader makes by selecting `start`–`end` of block `block` (or the whole block). */
export declare function describePassage(
  blocks: readonly string[],
  block: number,
  type: Anchor['type'],
  start?: number,
  end?: number,
): Anchor;
/**
 * Finds an anchor in the page's blocks: the exact quote if it is still there (the occurrence whose
 * context and position fit best), else the closest fuzzy match that is still recognisably the
 * same passage (a word changed, a typo fixed). Null when the passage is gone.
 */
export declare function locateAnchor(
  blocks: readonly string[],
  anchor: Pick<Anchor, 'type' | 'exact' | 'prefix' | 'suffix' | 'position'>,
): Located | null;
