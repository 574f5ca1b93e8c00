/** The elements a Markdown comment can contain; nothing else can come out of the parser. */
export type MdTag = 'p' | 'br' | 'em' | 'strong' | 'code' | 'pre' | 'blockquote' | 'ul' | 'ol' | 'li' | 'a';

/** One element of a parsed comment: a tag from the list above, its children, and the only two attributes there are. */
export interface MdElement {
  tag: MdTag;
  /** Links only, and only http(s) or mailto (isSafeHref). */
  href?: string;
  /** Ordered lists that do not start at 1. */
  start?: number;
  children: MdNode[];
}

/** Text (shown as typed, never parsed as HTML) or an element. */
export type MdNode = string | MdElement;

/** Only these schemes become links; anything else stays text. */
export function isSafeHref(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

/** The text of nodes, as a reader would read it. */
export function textOf(nodes: readonly MdNode[]): string {
  return nodes.map((n) => (typeof n === 'string' ? n : textOf(n.children))).join('');
}
