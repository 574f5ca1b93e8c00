import { collapse } from './anchor-text.ts';
import type { Anchor } from './types.ts';

/**
 * Passages of a page's text as anchors describe them: the page's commentable text is its blocks
 * (paragraphs), whitespace collapsed, joined by a blank line. Apart from anchor-text.ts so that
 * only the inline chunks, not every thread, load it.
 */

/** Blocks are joined by this in the text that positions and context refer to. */
export const BLOCK_SEPARATOR = '\n\n';
/** Characters of context kept on each side of a quote. */
export const CONTEXT_CHARS = 32;
/** Characters of a paragraph quoted by a paragraph anchor (the start of it). */
export const PARAGRAPH_CHARS = 1000;

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
