/**
 * The formatting chunk, loaded only when a thread has formatted bodies (or the reader previews):
 * the Markdown renderer and DOMPurify are more than half the widget's weight.
 */
import type { BodyFormat } from '../protocol/types.ts';
import { renderMarkdown } from './markdown.ts';
import { sanitize } from './sanitize.ts';

/** A body as safe HTML: Markdown is rendered first; HTML from other backends is only sanitized. */
export function formatBody(body: string, format: BodyFormat = 'markdown'): string {
  return sanitize(format === 'html' ? body : renderMarkdown(body));
}
