/**
 * What markers say before the widget (and its translator) loads: embed.js's count words for the
 * reader's language (English built in, others its catalog chunk) and the four inline messages,
 * read from that same packed catalog at the places the build computed (vite.config.ts).
 */
import type { PackedCatalog } from '../i18n/catalog-pack.ts';

/** Count words of one language: the start of its packed catalog, or all of it (see catalog-pack.ts). */
export interface CountWords {
  lang: string;
  forms: PackedCatalog;
}

/** The markers' words in the reader's language. */
export interface MarkerWords {
  /** A marker's accessible name: "Comments on paragraph 3: 2 comments", or "Comment on paragraph 3" without comments. */
  label(paragraph: number, n: number): string;
  /** The "Comment" button over a selection, and its accessible name. */
  comment: string;
  commentLabel: string;
}

/**
 * Set by the build: the plural families in a packed catalog, where `inline.paragraph`, `inline.add`,
 * `inline.comment` and `inline.commentLabel` sit among its single messages, and their English text.
 */
declare const __THREADLINE_MARKER_WORDS__: { families: number; at: number[]; en: string[] };

/** The markers' words from count words (a packed catalog) and embed.js's plural rule for counts. */
export function markerWords(words: CountWords, countLabel: (n: number, words: CountWords) => string): MarkerWords {
  const { families, at, en } = __THREADLINE_MARKER_WORDS__;
  const [categories = '', ...values] = words.forms;
  const offset = families * categories.split(' ').length;
  // English's count words hold no messages: every one falls back to the built-in English.
  const [paragraph = '', add = '', comment = '', commentLabel = ''] = en.map((text, i) => values[offset + at[i]!] ?? text);
  return {
    label: (p, n) => (n > 0 ? `${paragraph.replace('{p}', String(p))}: ${countLabel(n, words)}` : add.replace('{p}', String(p))),
    comment,
    commentLabel,
  };
}
