import { useMemo } from 'preact/hooks';
import { log } from '../log.ts';
import type { BodyFormat } from '../protocol/types.ts';
import { formatter, htmlFiller, loadFormatter, loadHtmlBody } from '../render/formatter.ts';
import { needsFormatting } from '../render/needs-formatting.ts';
import { HtmlBody } from './HtmlBody.tsx';

/** Props of CommentBody. */
export interface CommentBodyProps {
  text: string;
  format?: BodyFormat | undefined;
}

/**
 * A comment body. Markdown is drawn as elements by the format chunk (text stays text, so nothing
 * needs sanitizing); HTML from an adapter goes through sanitize.ts in its own chunk. Plain prose,
 * and Markdown until its chunk is there, is rendered here as text nodes, blank lines as paragraphs
 * and single newlines as line breaks, the same as Markdown would.
 */
export function CommentBody({ text, format }: CommentBodyProps) {
  const render = formatter.value;
  const fill = htmlFiller.value;
  const isMarkdown = format !== 'html' && needsFormatting(text);
  // A body may come after the page's first ones (a stored copy, a live comment, an edit) and be the
  // first to need its chunk: asking here covers every way in (each loads once, failures are logged).
  if (isMarkdown && !render) void loadFormatter().catch((err: unknown) => log.warn('could not load the formatting module', err));
  if (format === 'html' && !fill) void loadHtmlBody().catch((err: unknown) => log.warn('could not load the HTML sanitizer', err));
  // Kept between renders: Preact skips diffing the same elements again.
  const formatted = useMemo(() => (isMarkdown && render ? render(text) : null), [text, isMarkdown, render]);
  if (format === 'html') {
    return <HtmlBody html={text} fill={fill} />;
  }
  if (formatted) {
    return (
      <div class="tl-body" part="body">
        {formatted}
      </div>
    );
  }
  const paragraphs = text.split(/\n[ \t]*\n+/).filter((p) => p.trim() !== '');
  return (
    <div class="tl-body" part="body">
      {paragraphs.map((p, i) => (
        <p key={i}>{p.split('\n').map((line, j) => (j === 0 ? line : [<br key={j} />, line]))}</p>
      ))}
    </div>
  );
}
