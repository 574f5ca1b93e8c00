import { decodeHTML } from 'entities';

/**
 * Turns the simple HTML of WordPress and Disqus comments into threadline's Markdown subset:
 * paragraphs and breaks, emphasis, code, quotes, lists and links survive; other tags go, their
 * text stays; entities are decoded.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/\r\n?/g, '\n')
    .replace(/<\s*(script|style)[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, '')
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\s*\/\s*p\s*>\s*/gi, '\n\n')
    .replace(/<\s*p[^>]*>/gi, '')
    .replace(/<\s*(strong|b)\s*>([\s\S]*?)<\s*\/\s*\1\s*>/gi, '**$2**')
    .replace(/<\s*(em|i)\s*>([\s\S]*?)<\s*\/\s*\1\s*>/gi, '*$2*')
    .replace(/<\s*code\s*>([\s\S]*?)<\s*\/\s*code\s*>/gi, '`$1`')
    .replace(/<\s*a\b[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\s*\/\s*a\s*>/gi, (_, href: string, label: string) => {
      const l = label.replace(/<[^>]+>/g, '').trim();
      return /^https?:|^mailto:/i.test(href) ? (l && l !== href ? `[${l}](${href})` : href) : l;
    })
    .replace(
      /<\s*blockquote[^>]*>([\s\S]*?)<\s*\/\s*blockquote\s*>/gi,
      (_, q: string) =>
        `\n\n${q
          .replace(/<[^>]+>/g, '')
          .trim()
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n')}\n\n`,
    )
    .replace(/<\s*li[^>]*>/gi, '\n- ')
    .replace(/<[^>]+>/g, '');
  return decodeHTML(text)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
