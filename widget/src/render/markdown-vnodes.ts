import type { ComponentChildren, createElement } from 'preact';
import { parseMarkdown } from './markdown.ts';
import type { MdNode } from './markdown-tree.ts';

/** allow-list.ts's LINK_REL, written again: importing it would make a chunk shared with the HTML one. */
const LINK_REL = 'nofollow ugc noopener noreferrer';

/**
 * A Markdown body as Preact elements. Text goes into text nodes and the only elements are the
 * parser's own, so no reader-typed HTML reaches the DOM and nothing needs sanitizing. `h` is
 * passed in rather than imported: a lazy chunk importing Preact made the bundler move Preact out
 * of threadline.js into a chunk of its own, one more request before anything shows.
 */
export function renderMarkdown(text: string, h: typeof createElement): ComponentChildren {
  const toVNode = (node: MdNode): ComponentChildren => {
    if (typeof node === 'string') return node;
    const { tag, href, start, children } = node;
    // Props only where there is a value: Preact would write an undefined start as ol.start = '', i.e. 0.
    const props = tag === 'a' ? { href, rel: LINK_REL, target: '_blank' } : start ? { start } : null;
    return h(tag, props, ...children.map(toVNode));
  };
  return parseMarkdown(text).map(toVNode);
}
