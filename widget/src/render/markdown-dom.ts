import { parseMarkdown } from './markdown.ts';
import type { MdNode } from './markdown-tree.ts';

/** allow-list.ts's LINK_REL, written again: importing it would make a chunk shared with the HTML one. */
const LINK_REL = 'nofollow ugc noopener noreferrer';

/**
 * Puts a Markdown body into `el` as elements built from its parse tree. Text goes into text nodes
 * and the only elements are the parser's own, so no reader-typed HTML reaches the DOM and nothing
 * needs sanitizing. Built straight into the DOM, not as Preact elements: a body changes only when
 * its text does, and a long thread then keeps no virtual copy of every paragraph (issue 13: heap).
 */
export function fillMarkdown(el: HTMLElement, text: string): void {
  const doc = el.ownerDocument;
  const build = (node: MdNode): Node => {
    if (typeof node === 'string') return doc.createTextNode(node);
    const { tag, href, start, children } = node;
    const e = doc.createElement(tag);
    if (tag === 'a' && href) {
      e.setAttribute('href', href);
      e.setAttribute('rel', LINK_REL);
      e.setAttribute('target', '_blank');
    }
    if (start) e.setAttribute('start', String(start));
    e.append(...children.map(build));
    return e;
  };
  el.replaceChildren(...parseMarkdown(text).map(build));
}
