/**
 * The formatting chunk, loaded only when a thread has formatted bodies (or the reader previews):
 * the Markdown renderer and DOMPurify are more than half the widget's weight.
 */
import type { BodyFormat } from '../protocol/types.ts';
import { renderMarkdown } from './markdown.ts';
import { sanitize, sanitizeMany } from './sanitize.ts';

/** Formatted bodies by format and text: re-renders (sorting, folding, paging) skip the sanitizer. */
const cache = new Map<string, string>();
const CACHE_MAX = 5000;

/** Formats many Markdown bodies ahead of rendering, in one sanitizer pass (a page of a thread at once). */
export function primeBodies(bodies: readonly string[]): void {
  const todo = [...new Set(bodies)].filter((b) => !cache.has(`markdown\u0000${b}`));
  if (todo.length < 2) return;
  const html = sanitizeMany(todo.map(renderMarkdown));
  todo.forEach((b, i) => {
    cache.set(`markdown\u0000${b}`, html[i]!);
  });
  while (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
}

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
