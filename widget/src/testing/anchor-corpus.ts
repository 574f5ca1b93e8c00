import fs from 'node:fs';
import type { Located } from '../inline/quote-match.ts';
import { describePassage } from '../protocol/anchor-passage.ts';
import { collapse } from '../protocol/anchor-text.ts';
import type { Anchor } from '../protocol/types.ts';

/**
 * A test corpus for re-anchoring (tests and measurements only; never bundled): real-world article
 * layouts from fixtures/*.json, and for every sentence, phrase and paragraph in them the page
 * edits an editor makes, each with where the anchor must land afterwards.
 */

/** One article: its commentable blocks, as the widget reads them. */
export interface Article {
  file: string;
  name: string;
  dir: 'ltr' | 'rtl';
  blocks: string[];
}

/** An edit of a quote's words (at its start, middle or end) or of the page's paragraphs. */
export type Edit =
  | 'word shortened'
  | 'word dropped'
  | 'word changed'
  | 'punctuation'
  | 'paragraph inserted before'
  | 'paragraph inserted after'
  | 'previous paragraph removed'
  | 'paragraph moved to the end'
  | 'paragraph removed';

/** Where in the quote a word edit is made. */
export type Where = 'start' | 'middle' | 'end';

/** One anchor, one edited page, and the passage the anchor must find there (null: it is gone). */
export interface AnchorCase {
  article: string;
  kind: 'sentence' | 'phrase' | 'paragraph';
  edit: Edit;
  where: Where | null;
  anchor: Anchor;
  blocks: string[];
  expect: { block: number; start: number; end: number } | null;
}

/** How a case came out: on the edited passage, on nothing, or anywhere else. */
export type Verdict = 'right' | 'null' | 'wrong';

const FIXTURES = new URL('../inline/fixtures/', import.meta.url);

/** The corpus's articles, blocks whitespace-collapsed as the page is read. */
export function loadArticles(): Article[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const a = JSON.parse(fs.readFileSync(new URL(file, FIXTURES), 'utf8')) as Omit<Article, 'file'>;
      return { ...a, file, blocks: a.blocks.map(collapse) };
    });
}

/** Sentences of a block (start–end offsets): ends at . ! ? ؟ and closing quotes, before a space. */
export function sentencesOf(block: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^.!?؟]+(?:[.!?؟]+[»”"’)]*|$)/gu;
  for (const m of block.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    const end = m.index + m[0].trimEnd().length;
    if (block.slice(start, end).split(' ').length >= 3) out.push({ start, end });
  }
  return out;
}

const TRAILING = /[\p{P}]+$/u;

/** The quote with one word edited; null when the edit makes no sense there (a one-word quote). */
function editWord(quote: string, edit: Edit, where: Where, spare: string): string | null {
  const words = quote.split(' ');
  if (words.length < 3) return null;
  const i = where === 'start' ? 0 : where === 'end' ? words.length - 1 : Math.floor(words.length / 2);
  const word = words[i]!;
  const tail = word.match(TRAILING)?.[0] ?? '';
  const core = word.slice(0, word.length - tail.length);
  if (edit === 'word dropped') words.splice(i, 1);
  else if (edit === 'word shortened') {
    const chars = [...core];
    if (chars.length < 2) return null;
    words[i] = chars.slice(0, Math.max(1, Math.ceil(chars.length * 0.6))).join('') + tail;
  } else if (edit === 'word changed') words[i] = spare + tail;
  else words[i] = tail ? core : `${word},`;
  return words.join(' ');
}

/** A word of the article, other than `not`, to put in its place. */
function spareWord(blocks: readonly string[], seed: number, not: string): string {
  const words = blocks
    .join(' ')
    .split(' ')
    .map((w) => w.replace(TRAILING, ''))
    .filter((w) => [...w].length >= 4);
  for (let k = 0; k < words.length; k++) {
    const w = words[(seed * 7919 + k) % words.length]!;
    if (!not.includes(w)) return w;
  }
  return 'notably';
}

const INSERTED = 'Update: this article has been changed since it was first published to correct an error.';

/** Every case for one quote: four word edits at three places, and five paragraph edits. */
function casesFor(article: Article, kind: AnchorCase['kind'], block: number, start: number, end: number): AnchorCase[] {
  const { blocks } = article;
  const type = kind === 'paragraph' ? 'paragraph' : 'quote';
  const anchor = describePassage(blocks, block, type, start, end);
  const quote = blocks[block]!.slice(start, end);
  const base = { article: article.file, kind, anchor };
  const out: AnchorCase[] = [];
  for (const edit of ['word shortened', 'word dropped', 'word changed', 'punctuation'] as const)
    for (const where of ['start', 'middle', 'end'] as const) {
      const edited = editWord(quote, edit, where, spareWord(blocks, block * 31 + start, quote));
      if (edited === null) continue;
      const text = blocks[block]!.slice(0, start) + edited + blocks[block]!.slice(end);
      const changed = blocks.map((b, i) => (i === block ? text : b));
      const span = kind === 'paragraph' ? { start: 0, end: text.length } : { start, end: start + edited.length };
      out.push({ ...base, edit, where, blocks: changed, expect: { block, ...span } });
    }
  const span = { start: kind === 'paragraph' ? 0 : start, end: kind === 'paragraph' ? blocks[block]!.length : end };
  const moved = [...blocks.slice(0, block), ...blocks.slice(block + 1), blocks[block]!];
  const structural: [Edit, string[], number | null][] = [
    ['paragraph inserted before', [...blocks.slice(0, block), INSERTED, ...blocks.slice(block)], block + 1],
    ['paragraph inserted after', [...blocks.slice(0, block + 1), INSERTED, ...blocks.slice(block + 1)], block],
    ['paragraph moved to the end', moved, blocks.length - 1],
    ['paragraph removed', blocks.filter((_, i) => i !== block), null],
  ];
  if (block > 0) structural.push(['previous paragraph removed', blocks.filter((_, i) => i !== block - 1), block - 1]);
  for (const [edit, changed, at] of structural)
    out.push({ ...base, edit, where: null, blocks: changed, expect: at === null ? null : { block: at, ...span } });
  return out;
}

/** All cases of an article: each sentence, a five-word phrase from each long sentence, each paragraph. */
export function casesOf(article: Article): AnchorCase[] {
  const out: AnchorCase[] = [];
  article.blocks.forEach((b, block) => {
    for (const s of sentencesOf(b)) {
      out.push(...casesFor(article, 'sentence', block, s.start, s.end));
      const words = b.slice(s.start, s.end).split(' ');
      if (words.length < 9) continue;
      const from = Math.floor(words.length / 2) - 2;
      const phrase = words.slice(from, from + 5).join(' ');
      const at = s.start + b.slice(s.start, s.end).indexOf(phrase);
      out.push(...casesFor(article, 'phrase', block, at, at + phrase.length));
    }
    if (b.split(' ').length >= 3) out.push(...casesFor(article, 'paragraph', block, 0, b.length));
  });
  return out;
}

/**
 * Right: on the expected block, over most of the edited passage and little else. Null: nothing
 * found. Wrong: another block, a range outside its block or a sliver, or found although the
 * passage is gone.
 */
export function judge(c: AnchorCase, at: Located | null): Verdict {
  if (!at) return 'null';
  if (!c.expect || at.block !== c.expect.block) return 'wrong';
  // Never inside the separator between blocks: the range is the block's own text.
  if (at.start < 0 || at.end > c.blocks[at.block]!.length || at.end <= at.start) return 'wrong';
  const overlap = Math.min(at.end, c.expect.end) - Math.max(at.start, c.expect.start);
  const want = c.expect.end - c.expect.start;
  return overlap >= 0.75 * want && overlap >= 0.75 * (at.end - at.start) ? 'right' : 'wrong';
}
