/**
 * The formatting chunk, loaded only when a thread has formatted bodies (or the reader previews):
 * the Markdown renderer and DOMPurify are more than half the widget's weight.
 */
import type { BodyFormat } from '../protocol/types.ts';
import { renderMarkdown } from './markdown.ts';
import { sanitize } from './sanitize.ts';

/** Formatted bodies by format and text: re-renders (sorting, folding, paging) skip the sanitizer. */
const cache = new Map<string, string>();
const CACHE_MAX = 5000;

/** A body as safe HTML: Markdown is rendered first; HTML from other backends is only sanitized. */
export function formatBody(body: string, format: BodyFormat = 'markdown'): string {
  const key = `${format}\u0000${body}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = sanitize(format === 'html' ? body : renderMarkdown(body));
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, html);
  }
  return html;
}
