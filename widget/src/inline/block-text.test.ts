import { describe, expect, it, vi } from 'vitest';
import { readBlock } from './block-text.ts';
import { locateAnchor } from './quote-match.ts';

// readBlock walks text nodes only: a document that hands out these is all it needs.
vi.stubGlobal('NodeFilter', { SHOW_TEXT: 4 });

/** A block element whose text nodes hold `parts`. */
function fakeBlock(parts: string[]): { element: Element; nodes: { data: string }[] } {
  const nodes = parts.map((data) => ({ data }));
  const ownerDocument = {
    createTreeWalker: () => {
      let i = -1;
      return { nextNode: () => nodes[++i] ?? null };
    },
  };
  return { element: { ownerDocument } as unknown as Element, nodes };
}

describe('reading a block as anchors see it', () => {
  it('collapses white space across text nodes and trims the ends', () => {
    const { element } = fakeBlock(['  The council\n  voted ', '  seven to two. ']);
    expect(readBlock(element).text).toBe('The council voted seven to two.');
  });

  it('drops the bidi marks of a right-to-left page, as the server drops them from anchors, and maps back past them', () => {
    const { element, nodes } = fakeBlock(['وأضاف الوزير أن الحكومة خصصت مبلغ \u200f200\u200f مليون', ' دولار لتجهيز المستشفيات.']);
    const block = readBlock(element);
    expect(block.text).toBe('وأضاف الوزير أن الحكومة خصصت مبلغ 200 مليون دولار لتجهيز المستشفيات.');
    const two = block.text.indexOf('200');
    expect(block.at[two]).toEqual({ node: nodes[0], offset: nodes[0]!.data.indexOf('200') });
    // The anchor as the server stored it (its cleanName drops the marks) is found exactly.
    const stored = {
      type: 'quote' as const,
      exact: 'خصصت مبلغ 200 مليون دولار',
      prefix: 'وأضاف الوزير أن الحكومة',
      suffix: 'لتجهيز المستشفيات.',
    };
    expect(locateAnchor([block.text], stored)).toMatchObject({ block: 0, quality: 1 });
  });
});
