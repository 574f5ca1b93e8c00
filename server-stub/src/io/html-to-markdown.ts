import TurndownService from 'turndown';
import { escapeMarkdown } from './markdown-escape.ts';

/** What the rules read of a node from Turndown's DOM (the server has no DOM types of its own). */
type ElementLike = { getAttribute(name: string): string | null };

// Turndown (with its own server-side DOM) parses the HTML; the rules below keep its output inside
// the Markdown subset the widget renders: no headings, images or link titles there.
const turndown = new TurndownService({ codeBlockStyle: 'fenced', fence: '```', bulletListMarker: '-', emDelimiter: '*', br: '' });
turndown.escape = escapeMarkdown;
turndown.remove(['script', 'style', 'noscript', 'iframe', 'object']);
turndown.addRule('heading', {
  filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  replacement: (content) => (content.trim() ? `\n\n**${content.trim()}**\n\n` : ''),
});
turndown.addRule('rule', { filter: 'hr', replacement: () => '\n\n---\n\n' });
turndown.addRule('image', {
  filter: 'img',
  replacement: (_, node) => {
    const el = node as unknown as ElementLike;
    const alt = escapeMarkdown(el.getAttribute('alt')?.trim() ?? '');
    const src = el.getAttribute('src')?.trim() ?? '';
    return /^https?:\/\//i.test(src) ? (alt ? `[${alt}](${safeHref(src)})` : src) : alt;
  },
});
turndown.addRule('link', {
  filter: (node) => node.nodeName === 'A',
  replacement: (content, node) => {
    const href = (node as unknown as ElementLike).getAttribute('href')?.trim() ?? '';
    if (!/^(https?:|mailto:)/i.test(href)) return content;
    const label = content.trim();
    return !label || label.replace(/\\(.)/g, '$1') === href ? safeHref(href) : `[${label}](${safeHref(href)})`;
  },
});
turndown.addRule('preformatted', {
  filter: (node) => node.nodeName === 'PRE' && node.firstChild?.nodeName !== 'CODE',
  replacement: (_, node) => `\n\n\`\`\`\n${(node.textContent ?? '').replace(/\n$/, '')}\n\`\`\`\n\n`,
});

/** Spaces and parentheses would end a Markdown link early; percent-encoded, they do not. */
const safeHref = (href: string) => href.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

const BLOCK =
  'address|article|aside|blockquote|dd|div|dl|dt|figure|figcaption|h[1-6]|hr|li|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul';
// Blocks that stand alone; the others (list items, cells, definitions) stay in their list's chunk, so lists stay tight.
const OUTER_TAG = /\s*(<\/?(?:address|article|aside|blockquote|div|dl|figure|h[1-6]|hr|ol|p|section|table|ul)\b[^>]*>)\s*/gi;
const INNER_TAG = /\s*(<\/?(?:dd|dt|figcaption|li|tbody|td|tfoot|th|thead|tr)\b[^>]*>)\s*/gi;
const STARTS_WITH_BLOCK = new RegExp(`^</?(?:${BLOCK})\\b`, 'i');

/**
 * WordPress stores comments with their line breaks as typed and adds paragraphs when it shows them
 * (wpautop): a blank line starts a paragraph, a single newline is a line break. This does the same
 * (in short) so the breaks survive an HTML parser; preformatted blocks are left alone.
 */
function autop(raw: string): string {
  const pres: string[] = [];
  const s = raw
    .replace(/<pre\b[\s\S]*?<\/pre\s*>/gi, (m) => `\n\n\u0000${pres.push(m) - 1}\u0000\n\n`)
    .replace(OUTER_TAG, '\n\n$1\n\n')
    .replace(INNER_TAG, '$1');
  return s
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (STARTS_WITH_BLOCK.test(p) || p.startsWith('\u0000') ? p : `<p>${p.replace(/\n/g, '<br>')}</p>`))
    .join('\n')
    .replace(/\u0000(\d+)\u0000/g, (_, n: string) => pres[Number(n)] ?? '');
}

/** Plain text needs no parser: paragraphs, line breaks and escapes, the same as Turndown would give. */
function plainToMarkdown(text: string, keepBreaks: boolean): string {
  const paragraphs = keepBreaks ? text.split(/\n\s*\n/) : [text];
  return paragraphs
    .map((p) =>
      p
        .split(keepBreaks ? '\n' : /(?!)/)
        .map((line) => escapeMarkdown(line.replace(/\s+/g, ' ').trim()))
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Turns a comment's HTML into the widget's Markdown subset, shown as the author wrote it: blocks
 * stay apart, lists keep their numbers and nesting, code blocks stay fenced, text is escaped.
 * `wordpress`: the text's own newlines are paragraphs and breaks (WordPress comments); otherwise
 * they are spaces, as in HTML (Disqus).
 */
export function htmlToMarkdown(html: string, source: 'wordpress' | 'html'): string {
  const text = html.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  if (!/[<&]/.test(text)) return plainToMarkdown(text, source === 'wordpress');
  const markdown = turndown.turndown(source === 'wordpress' ? autop(text) : text);
  return markdown
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
