/**
 * The Markdown subset comments may use, rendered to an HTML string: paragraphs, line breaks,
 * *emphasis*, **strong**, `code`, fenced code blocks, > block quotes, - / 1. lists (nested by
 * indentation) and links ([text](url), bare http(s) URLs). Everything else is text: raw HTML in a
 * comment is escaped, never interpreted. The output still goes through sanitize() before the DOM.
 */

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Private-use characters mark stashed inline pieces; remove any the text brings itself. */
const STASH = /[\ue000\ue001]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BULLET = /^( {0,3})([-*+]|\d{1,9}[.)])[ \t]+/;
const QUOTE = /^ {0,3}> ?/;
const URL_TRAILING = /[.,:;!?'")\]]+$/;

/** Renders a comment body to HTML (not yet sanitized). */
export function renderMarkdown(text: string): string {
  return renderBlocks(text.replace(STASH, '').replace(/\r\n?/g, '\n').split('\n'));
}

function renderBlocks(lines: string[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence[1]![0]}{${fence[1]!.length},}\\s*$`);
      const code: string[] = [];
      for (i++; i < lines.length && !close.test(lines[i]!); i++) code.push(lines[i]!);
      i++;
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      for (; i < lines.length && lines[i]!.trim() && QUOTE.test(lines[i]!); i++) inner.push(lines[i]!.replace(QUOTE, ''));
      out.push(`<blockquote>${renderBlocks(inner)}</blockquote>`);
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      i = renderList(lines, i, out);
      continue;
    }
    const para: string[] = [];
    for (
      ;
      i < lines.length && lines[i]!.trim() && !FENCE.test(lines[i]!) && !QUOTE.test(lines[i]!) && !(para.length && BULLET.test(lines[i]!));
      i++
    ) {
      para.push(lines[i]!.trim());
    }
    out.push(`<p>${para.map(renderInline).join('<br>')}</p>`);
  }
  return out.join('');
}

/** Renders the list starting at `start`; returns the index of the first line after it. */
function renderList(lines: string[], start: number, out: string[]): number {
  const first = BULLET.exec(lines[start]!)!;
  const ordered = /\d/.test(first[2]!);
  const indent = first[1]!.length;
  const items: string[] = [];
  let i = start;
  while (i < lines.length) {
    const m = BULLET.exec(lines[i]!);
    if (!m || m[1]!.length !== indent || /\d/.test(m[2]!) !== ordered) break;
    const contentIndent = m[0].length;
    const body = [lines[i]!.slice(contentIndent)];
    // Continuation lines are indented past the marker; a blank line ends the item unless more indented text follows.
    for (i++; i < lines.length; i++) {
      const l = lines[i]!;
      const lead = l.length - l.trimStart().length;
      if (!l.trim()) {
        const next = lines[i + 1];
        if (next?.trim() && next.length - next.trimStart().length > indent) {
          body.push('');
          continue;
        }
        break;
      }
      if (lead <= indent) break;
      body.push(l.slice(Math.min(lead, contentIndent)));
    }
    const html = renderBlocks(body);
    // A one-paragraph item renders tight, without the <p>.
    items.push(`<li>${/^<p>((?:(?!<p>).)*)<\/p>$/s.test(html) ? html.slice(3, -4) : html}</li>`);
  }
  const startAttr = ordered && parseInt(first[2]!, 10) !== 1 ? ` start="${parseInt(first[2]!, 10)}"` : '';
  out.push(ordered ? `<ol${startAttr}>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`);
  return i;
}

/** Only these schemes become links; anything else stays text. */
export function isSafeHref(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

function renderInline(text: string): string {
  const stash: string[] = [];
  const keep = (html: string) => `\ue000${stash.push(html) - 1}\ue001`;
  let s = text
    // Backslash escapes: the next punctuation character is literal.
    .replace(/\\([\\`*_[\]()#+\-.!>~])/g, (_, ch: string) => keep(escapeHtml(ch)))
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, _t, code: string) => keep(`<code>${escapeHtml(code.trim() || code)}</code>`))
    .replace(/\[([^\]\n]+)\]\(\s*<?([^\s()<>]+(?:\([^\s()<>]*\))?[^\s()<>]*)>?\s*\)/g, (m, label: string, href: string) =>
      isSafeHref(href) ? keep(`<a href="${escapeHtml(href)}">${renderEmphasis(escapeHtml(label))}</a>`) : keep(escapeHtml(m)),
    )
    .replace(/\bhttps?:\/\/[^\s<>"'`]+/gi, (url) => {
      const trail = URL_TRAILING.exec(url)?.[0] ?? '';
      // Keep a closing paren that belongs to the URL, e.g. Wikipedia's "Foo_(bar)".
      const balanced = trail.startsWith(')') && (url.match(/\(/g)?.length ?? 0) >= (url.match(/\)/g)?.length ?? 0);
      const cut = balanced ? trail.slice(1) : trail;
      const href = url.slice(0, url.length - cut.length);
      return keep(`<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>`) + escapeHtml(cut);
    });
  s = renderEmphasis(escapeHtml(s));
  // Stashed pieces may nest (a code span inside a link label is not supported, so one pass back suffices twice).
  for (let pass = 0; pass < 2; pass++) s = s.replace(/\ue000(\d+)\ue001/g, (_, n: string) => stash[Number(n)] ?? '');
  return s;
}

function renderEmphasis(s: string): string {
  return s
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?![\w])/g, '$1<strong>$2</strong>')
    .replace(/\*(?=[^\s*])([^*]*?[^\s*]|[^\s*])\*/g, '<em>$1</em>')
    .replace(/(^|[^\w])_(?=[^\s_])([^_]*?[^\s_]|[^\s_])_(?![\w])/g, '$1<em>$2</em>');
}
