import { signal } from '@preact/signals';
import { log } from '../log.ts';
import type { BodyFormat, Comment } from '../protocol/types.ts';
import { commentNeedsFormatter } from './needs-formatting.ts';

/** Turns a body into sanitized HTML (lives in the lazily loaded format chunk). */
export type FormatBody = (body: string, format?: BodyFormat) => string;

/** The formatter once its chunk has loaded; null until then. Shared by every widget on the page. */
export const formatter = signal<FormatBody | null>(null);
let prime: ((bodies: readonly string[]) => void) | undefined;

/** Formats a batch of Markdown bodies in advance, if the chunk is loaded (rendering then only looks them up). */
export function primeFormatter(bodies: readonly string[]): void {
  prime?.(bodies);
}
let loading: Promise<void> | undefined;

/** Loads the format chunk once; resolves when `formatter` is set. */
export function loadFormatter(): Promise<void> {
  loading ??= import('./format.ts').then(
    (m) => {
      prime = m.primeBodies;
      formatter.value = m.formatBody;
    },
    (err: unknown) => {
      loading = undefined; // let a later call try again
      throw err;
    },
  );
  return loading;
}

/**
 * Resolves once the formatter can draw these comments: at once when none needs it, else after
 * the chunk has loaded (a failed load is not fatal: Markdown then reads as typed).
 */
export async function formatterReadyFor(list: readonly Comment[]): Promise<void> {
  if (!list.some(commentNeedsFormatter)) return;
  await loadFormatter().catch((err: unknown) => log.warn('could not load the formatting module', err));
  primeFormatter(list.filter((c) => c.bodyFormat !== 'html' && commentNeedsFormatter(c)).map((c) => c.body));
}
