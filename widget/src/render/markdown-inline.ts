/**
 * Inline Markdown of one line: backslash escapes, `code`, [links](url), bare http(s) URLs, *em*
 * and **strong**. The rules are regular expressions over the line; what they match is stashed or
 * marked with private-use characters (parseMarkdown removes any the text brings), then one pass
 * builds the nodes.
 */
import { isSafeHref, type MdElement, type MdNode, textOf } from './markdown-tree.ts';

const ESCAPE = /\\([\\`*_[\]()#+\-.!>~])/g;
const CODE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const LINK = /\[([^\]\n]+)\]\(\s*<?([^\s()<>]+(?:\([^\s()<>]*\))?[^\s()<>]*)>?\s*\)/g;
const BARE_URL = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const URL_TRAILING = /[.,:;!?'")\]]+$/;
/** U+E000 index U+E001: a stashed piece; U+E002/U+E003 open/close strong, U+E004/U+E005 open/close em. */
const MARK = /\ue000(\d+)\ue001|[\ue002-\ue005]/g;

/** Parses one line of inline Markdown. */
export function parseInline(text: string): MdNode[] {
  const stash: MdNode[][] = [];
  const keep = (nodes: MdNode[]) => `\ue000${stash.push(nodes) - 1}\ue001`;
  const link = (shown: MdNode[], href: string): MdElement => ({ tag: 'a', href: textOf(build(href, stash)), children: shown });
  const s = text
    // Backslash escapes: the next punctuation character is literal.
    .replace(ESCAPE, (_, ch: string) => keep([ch]))
    .replace(CODE, (_, _t, code: string) => keep([{ tag: 'code', children: [code.trim() || code] }]))
    // A link to any other scheme stays as typed, brackets and all.
    .replace(LINK, (m, label: string, href: string) =>
      keep(isSafeHref(href) ? [link(build(emphasize(label), stash), href)] : build(m, stash)),
    )
    .replace(BARE_URL, (url) => {
      const trail = URL_TRAILING.exec(url)?.[0] ?? '';
      // Keep a closing paren that belongs to the URL, e.g. Wikipedia's "Foo_(bar)".
      const balanced = trail.startsWith(')') && (url.match(/\(/g)?.length ?? 0) >= (url.match(/\)/g)?.length ?? 0);
      const cut = balanced ? trail.slice(1) : trail;
      const href = url.slice(0, url.length - cut.length);
      return keep([link(build(href, stash), href)]) + cut;
    });
  return build(emphasize(s), stash);
}

/** Marks emphasis; snake_case and 2*3*4 stay as typed. */
function emphasize(s: string): string {
  return s
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '\ue002$1\ue003')
    .replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?![\w])/g, '$1\ue002$2\ue003')
    .replace(/\*(?=[^\s*])([^*]*?[^\s*]|[^\s*])\*/g, '\ue004$1\ue005')
    .replace(/(^|[^\w])_(?=[^\s_])([^_]*?[^\s_]|[^\s_])_(?![\w])/g, '$1\ue004$2\ue005');
}

/**
 * Nodes from marked text. Emphasis found by separate rules can overlap (`*a **b* c**`): closing
 * one closes those opened inside it and reopens them after, as the browser's HTML parser did.
 */
function build(s: string, stash: readonly MdNode[][]): MdNode[] {
  const root: MdElement = { tag: 'p', children: [] };
  const open = [root];
  const add = (node: MdNode) => {
    const kids = open[open.length - 1]!.children;
    const last = kids.length - 1;
    // Adjacent text makes one text node: fewer DOM nodes.
    if (typeof node === 'string' && typeof kids[last] === 'string') kids[last] += node;
    else kids.push(node);
  };
  let at = 0;
  for (const m of s.matchAll(MARK)) {
    if (m.index > at) add(s.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[1] !== undefined) {
      for (const node of stash[Number(m[1])] ?? []) add(node);
      continue;
    }
    const kind = m[0].charCodeAt(0) - 0xe002;
    const tag = kind < 2 ? 'strong' : 'em';
    if (kind % 2 === 0) {
      const el: MdElement = { tag, children: [] };
      add(el);
      open.push(el);
      continue;
    }
    let k = open.length - 1;
    while (k > 0 && open[k]!.tag !== tag) k--;
    if (k === 0) continue;
    for (const inner of open.splice(k).slice(1)) {
      const again: MdElement = { tag: inner.tag, children: [] };
      add(again);
      open.push(again);
    }
  }
  if (at < s.length) add(s.slice(at));
  return root.children;
}
