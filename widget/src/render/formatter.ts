import { signal } from '@preact/signals';
import { log } from '../log.ts';
import type { Comment } from '../protocol/types.ts';
import { needsFormatting } from './needs-formatting.ts';

/** Puts a body, drawn, into an element: Markdown as elements (format chunk), adapter HTML sanitized (its own chunk). */
export type FillBody = (el: HTMLElement, text: string) => void;

/** The Markdown filler once its chunk has loaded; null until then. Shared by every widget on the page. */
export const formatter = signal<FillBody | null>(null);
/** The sanitizing filler once the adapter-HTML chunk (and, without Element.setHTML, DOMPurify's) has loaded. */
export const htmlFiller = signal<FillBody | null>(null);

/** Loads `import()`ed code once; a failed load may be tried again later. */
function once(load: () => Promise<void>): () => Promise<void> {
  let loading: Promise<void> | undefined;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    }));
}

/** Loads the format chunk once; resolves when `formatter` is set. */
export const loadFormatter = once(() =>
  import('./format.ts').then((m) => {
    formatter.value = m.fillMarkdown;
  }),
);

/**
 * Loads the adapter-HTML chunk once, and DOMPurify if the browser has no usable sanitizer; resolves
 * when `htmlFiller` is set. Until then (and for good if the sanitizer cannot load) HTML bodies stay empty.
 */
export const loadHtmlBody = once(() =>
  import('./html-body.ts').then(async (m) => {
    await m.loadSanitizer();
    htmlFiller.value = m.setSanitizedHTML;
  }),
);

/**
 * Resolves once these comments can be drawn: at once when none needs a chunk, else after the
 * ones they need have loaded (a failed load is not fatal: Markdown then reads as typed).
 */
export async function formatterReadyFor(list: readonly Comment[]): Promise<void> {
  const loads: Promise<void>[] = [];
  if (list.some((c) => c.bodyFormat !== 'html' && needsFormatting(c.body))) loads.push(loadFormatter());
  if (list.some((c) => c.bodyFormat === 'html')) loads.push(loadHtmlBody());
  await Promise.all(loads.map((p) => p.catch((err: unknown) => log.warn('could not load the formatting module', err))));
}
