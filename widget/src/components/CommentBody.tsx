import { useLayoutEffect, useRef } from 'preact/hooks';
import { log } from '../log.ts';
import type { BodyFormat } from '../protocol/types.ts';
import { formatter, htmlFiller, loadFormatter, loadHtmlBody } from '../render/formatter.ts';
import { needsFormatting } from '../render/needs-formatting.ts';
import { fillPlain } from '../render/plain-body.ts';

/** Props of CommentBody. */
export interface CommentBodyProps {
  text: string;
  format?: BodyFormat | undefined;
}

/**
 * A comment body, put into its element straight from the text (no virtual copy kept): Markdown as
 * elements by the format chunk (text stays text, so nothing needs sanitizing); HTML from an adapter
 * through sanitize.ts in its own chunk, empty and busy until that is here, never shown raw. Plain
 * prose, and Markdown until its chunk is there, is drawn here: blank lines as paragraphs, single
 * newlines as line breaks, the same as Markdown would.
 */
export function CommentBody({ text, format }: CommentBodyProps) {
  const ref = useRef<HTMLDivElement>(null);
  const isHtml = format === 'html';
  const isMarkdown = !isHtml && needsFormatting(text);
  const markdown = formatter.value;
  const html = htmlFiller.value;
  // A body may come after the page's first ones (a stored copy, a live comment, an edit) and be the
  // first to need its chunk: asking here covers every way in (each loads once, failures are logged).
  if (isMarkdown && !markdown) void loadFormatter().catch((err: unknown) => log.warn('could not load the formatting module', err));
  if (isHtml && !html) void loadHtmlBody().catch((err: unknown) => log.warn('could not load the HTML sanitizer', err));
  const fill = isHtml ? html : isMarkdown && markdown ? markdown : fillPlain;
  // Before the browser paints: the body is never seen empty (HTML waiting for its sanitizer aside).
  useLayoutEffect(() => {
    if (fill) fill(ref.current!, text);
  }, [text, fill]);
  return <div class="tl-body" part="body" ref={ref} aria-busy={fill ? undefined : 'true'} />;
}
