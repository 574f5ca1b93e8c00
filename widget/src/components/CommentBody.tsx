import { log } from '../log.ts';
import type { BodyFormat, Comment } from '../protocol/types.ts';
import { type FillBody, formatter, htmlFiller, loadFormatter, loadHtmlBody } from '../render/formatter.ts';
import { needsFormatting } from '../render/needs-formatting.ts';
import { fillPlain } from '../render/plain-body.ts';

/** Props of CommentBody. */
export interface CommentBodyProps {
  text: string;
  format?: BodyFormat | undefined;
}

/**
 * What draws a body now: Markdown by the format chunk (text stays text, so nothing needs
 * sanitizing); HTML from an adapter through sanitize.ts in its own chunk, null (empty and busy)
 * until that is here, never shown raw; plain prose, and Markdown until its chunk is there, here:
 * blank lines as paragraphs, single newlines as line breaks, as Markdown would. A body may come
 * after the page's first ones (a stored copy, a live comment, an edit) and be the first to need its
 * chunk: asking here covers every way in (each loads once, failures are logged). Reads the chunk's
 * signal only for a body that needs it, so its arrival redraws only the comments with such bodies.
 */
function fillerFor(text: string, format: BodyFormat | undefined): FillBody | null {
  if (format === 'html') {
    const html = htmlFiller.value;
    if (!html) void loadHtmlBody().catch((err: unknown) => log.warn('could not load the HTML sanitizer', err));
    return html;
  }
  if (!needsFormatting(text)) return fillPlain;
  const markdown = formatter.value;
  if (!markdown) void loadFormatter().catch((err: unknown) => log.warn('could not load the formatting module', err));
  return markdown ?? fillPlain;
}

/** What a body is drawn from: a comment, or the composer's text. */
type BodySource = Pick<Comment, 'body'> & { bodyFormat?: BodyFormat | undefined };

/** What each body element shows: its text, and the filler that drew it. */
const shown = new WeakMap<Element, { text: string; fill: FillBody }>();

/** Draws `text` into `el` unless it already shows that text drawn by that filler. */
function draw(el: HTMLElement, text: string, fill: FillBody): void {
  const was = shown.get(el);
  if (was?.text === text && was.fill === fill) return;
  shown.set(el, { text, fill });
  fill(el, text);
}

/**
 * A comment's body, put into its element straight from the text (no virtual copy kept), with no
 * component of its own: a thread of 1,000 draws 1,000 fewer components, updaters and hooks. It is
 * drawn again only when its text or filler changes (an edit, the format chunk arriving): a comment
 * redrawn for anything else (a vote, which is a new copy of it, or an open form) keeps its body as
 * it is, and the reader's selection in it. Preact sets refs before the browser paints.
 */
export function commentBody({ body, bodyFormat }: BodySource) {
  const fill = fillerFor(body, bodyFormat);
  const ref = (el: HTMLDivElement | null) => {
    if (el && fill) draw(el, body, fill);
  };
  return <div class="tl-body" part="body" ref={ref} aria-busy={fill ? undefined : 'true'} />;
}

/** A body for text that is not a stored comment (the composer's preview): drawn again whenever the text changes. */
export const CommentBody = ({ text, format }: CommentBodyProps) => commentBody({ body: text, bodyFormat: format });
