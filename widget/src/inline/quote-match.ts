import search from 'approx-string-match';
import { BLOCK_SEPARATOR, blockStarts, CONTEXT_CHARS } from '../protocol/anchor-passage.ts';
import { collapse } from '../protocol/anchor-text.ts';
import type { Anchor } from '../protocol/types.ts';

/**
 * Text-quote anchoring (W3C Web Annotation TextQuoteSelector + a position hint), on plain strings.
 * The page's commentable text is its blocks (paragraphs), whitespace collapsed, joined by a
 * blank line; offsets below are into that text unless they say "in the block".
 */

/** Where an anchor was found: the block and the offsets of the passage in it. */
export interface Located {
  block: number;
  start: number;
  end: number;
  /** 1 for the exact text in place; lower for a fuzzy match after the page changed. */
  quality: number;
}

/**
 * Edits that turn `want` into the end of `got` (the start of `got` is free): how far the text
 * before a candidate is from the quote's prefix. Reversed, the same for the suffix.
 */
function editsAtEnd(want: string, got: string): number {
  let row = new Uint16Array(got.length + 1);
  let next = new Uint16Array(got.length + 1);
  for (let i = 1; i <= want.length; i++) {
    next[0] = i;
    for (let j = 1; j <= got.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (want[i - 1] === got[j - 1] ? 0 : 1));
    [row, next] = [next, row];
  }
  return row[got.length]!;
}

const reversed = (s: string) => [...s].reverse().join('');

/** A match of the quote: offsets in the joined text, or in its block once placed. */
interface Match {
  start: number;
  end: number;
  errors: number;
}

/** Rounds of search at most: the fewest-error matches, then the next fewest beside them, and so on. */
const ROUNDS = 3;

/**
 * Approximate matches of `quote` in `text`, round by round. Myers' search keeps only the
 * fewest-error matches, so the text beside them is searched again in the next round: an edited
 * passage must still be a candidate when a look-alike elsewhere (a pull quote, a summary) reads
 * closer to the old quote. The caller stops when a round found the passage for certain.
 */
function* roundsOf(text: string, quote: string, maxErrors: number, exact: Match[]): Generator<Match[]> {
  let gaps: [number, number][] = [[0, text.length]];
  for (let round = 0; round < ROUNDS && gaps.length > 0; round++) {
    const next: [number, number][] = [];
    const matches: Match[] = [];
    for (const [from, to] of gaps) {
      if (to - from < quote.length - maxErrors) continue;
      // The quote as it is, where found by indexOf, is what a first search would find.
      const found =
        round === 0 && exact.length > 0
          ? exact
          : search(text.slice(from, to), quote, maxErrors).map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
      if (found.length === 0) continue;
      let at = from;
      for (const m of [...found.sort((x, y) => x.start - y.start), { start: to, end: to }]) {
        if (m.start > at) next.push([at, m.start]);
        at = Math.max(at, m.end);
      }
      matches.push(...found);
    }
    yield matches;
    gaps = next;
  }
}

/** Edits from `quote` to all of `text` (about: Myers' best match, plus the text it leaves out). */
const editsTo = (text: string, quote: string) =>
  search(text, quote, quote.length).reduce(
    (min, m) => Math.min(min, m.errors + text.length - (m.end - m.start)),
    quote.length + text.length,
  );

/** Context that fits this well on one side (at most one character in 32 off) says "this is the place". */
const SUPPORT = 0.95;
/** An edited quote needs this much of its context on the other side too. */
const EDITED_SUPPORT = 0.75;

/** A candidate passage in one block, weighed: its quote, its context on each side, its position. */
interface Candidate extends Match {
  block: number;
  /** How well the prefix and suffix fit, 0–1. */
  before: number;
  after: number;
  /** Characters that differ from prefix + quote + suffix, plus a little for distance: lower is better. */
  cost: number;
}

/** The candidate that differs less from what the reader quoted. */
const better = (a: Candidate, b: Candidate) => (b.cost < a.cost ? b : a);

/**
 * Where the quote's prefix and suffix still stand a quote's length apart (offsets in the blocks
 * joined by a space, as context is read): the passage was edited there, so it is nowhere else.
 */
function homesOf(flat: string, prefix: string, suffix: string, length: number): [number, number][] {
  if (prefix.length < 8 || suffix.length < 8) return [];
  const homes: [number, number][] = [];
  for (let i = flat.indexOf(prefix); i !== -1; i = flat.indexOf(prefix, i + 1)) {
    const from = i + prefix.length;
    const to = flat.indexOf(suffix, from);
    if (to - from >= length / 4 && to - from <= 2 * length + CONTEXT_CHARS) homes.push([from, to]);
  }
  return homes;
}

/**
 * Finds an anchor in the page's blocks: the quote where its context still fits, else the passage
 * that differs least from prefix + quote + suffix (at most a quarter of the quote changed), the
 * position breaking ties. A match never leaves its block, and its ends are put where quote and
 * context fit best. Never another paragraph: a candidate is taken only when the context on one side
 * is as it was, and not at all while the old context still stands elsewhere around the edited
 * passage. Null: the passage has changed.
 */
export function locateAnchor(
  blocks: readonly string[],
  anchor: Pick<Anchor, 'type' | 'exact' | 'prefix' | 'suffix' | 'position'>,
): Located | null {
  const exact = collapse(anchor.exact);
  if (!exact || blocks.length === 0) return null;
  const text = blocks.join(BLOCK_SEPARATOR);
  const starts = blockStarts(blocks);
  const prefix = collapse(anchor.prefix ?? '');
  const suffix = collapse(anchor.suffix ?? '');
  const before = (at: number) => collapse(text.slice(Math.max(0, at - prefix.length - 8), at));
  const after = (at: number) => collapse(text.slice(at, at + suffix.length + 8));
  const near = (at: number) => (anchor.position === undefined ? 1 : 1 - Math.min(1, Math.abs(at - anchor.position) / text.length));

  // The common case: the quote in place, its context unchanged (the closest to its position if twice).
  let fast: { block: number; start: number; near: number } | undefined;
  const unchanged: Match[] = [];
  for (const [block, b] of blocks.entries()) {
    for (let i = b.indexOf(exact); i !== -1; i = b.indexOf(exact, i + 1)) {
      const at = starts[block]! + i;
      unchanged.push({ start: at, end: at + exact.length, errors: 0 });
      if (!before(at).endsWith(prefix) || !after(at + exact.length).startsWith(suffix)) continue;
      if (!fast || near(at) > fast.near) fast = { block, start: i, near: near(at) };
    }
  }
  if (fast) return result(blocks, anchor.type, fast.block, fast.start, fast.start + exact.length, 1);

  // An empty side (the quote opened or closed the page) fits only the page's edge.
  const fitBefore = (at: number) =>
    prefix ? 1 - Math.min(prefix.length, editsAtEnd(prefix, before(at))) / prefix.length : at === 0 ? 1 : 0.5;
  const fitAfter = (at: number) =>
    suffix ? 1 - Math.min(suffix.length, editsAtEnd(reversed(suffix), reversed(after(at)))) / suffix.length : at === text.length ? 1 : 0.5;
  const weigh = (block: number, m: Match): Candidate => {
    const at = starts[block]!;
    const [p, s] = [fitBefore(at + m.start), fitAfter(at + m.end)];
    // An empty side weighs as much as a full one: the page's edge is context too.
    const cost =
      m.errors + (1 - p) * (prefix.length || CONTEXT_CHARS) + (1 - s) * (suffix.length || CONTEXT_CHARS) + 4 * (1 - near(at + m.start));
    return { ...m, block, before: p, after: s, cost };
  };
  // Myers' ends may reach into a neighbouring word ("voted to two" for "seven to two" once "seven"
  // is gone) or stop inside an edited one: try each word boundary inside the match, and the ends
  // of a word it cuts, and keep what fits quote and context best.
  const refine = (block: number, m: Match): Candidate => {
    const b = blocks[block]!;
    const isEdge = (i: number) => i === 0 || i === b.length || b[i] === ' ' || b[i - 1] === ' ';
    const reach = Math.ceil(exact.length / 4) + 2;
    let best = weigh(block, m);
    const from = best.start;
    let outward = from;
    while (outward > 0 && !isEdge(outward)) outward--;
    for (let i = outward; i <= from + reach && i < best.end; i++)
      if (i !== from && isEdge(i) && b[i] !== ' ')
        best = better(best, weigh(block, { start: i, end: m.end, errors: editsTo(b.slice(i, m.end), exact) }));
    const to = best.end;
    let outwardEnd = to;
    while (outwardEnd < b.length && !isEdge(outwardEnd)) outwardEnd++;
    for (let i = outwardEnd; i >= to - reach && i > best.start; i--)
      if (i !== to && isEdge(i) && b[i - 1] !== ' ')
        best = better(best, weigh(block, { start: best.start, end: i, errors: editsTo(b.slice(best.start, i), exact) }));
    return best;
  };

  const flat = blocks.join(' '); // as context is read: the blocks joined by one space
  const flatStarts = blocks.map((_, i) => starts[i]! - i);
  const homes = homesOf(flat, prefix, suffix, exact.length);
  // The quote's old neighbours now side by side: its paragraph left from between them.
  const hasLeft = prefix !== '' && suffix !== '' && flat.includes(`${prefix} ${suffix}`);
  const isAway = (c: Candidate) => {
    const [from, to] = [flatStarts[c.block]! + c.start, flatStarts[c.block]! + c.end];
    return homes.length > 0 && !homes.some(([a, b]) => from <= b && to >= a);
  };
  const hasContext = prefix !== '' || suffix !== '';
  const maxErrors = Math.floor(exact.length / 4);
  let best: Candidate | undefined;
  for (const round of roundsOf(text, exact, maxErrors, unchanged)) {
    for (const found of round) {
      const { block, match } = placed(blocks, starts, found, exact);
      // Refining costs a few searches: only for a candidate whose context fits at least half-way.
      let c = weigh(block, match);
      if (match.errors > 0 && Math.max(c.before, c.after) >= 0.5) c = refine(block, match);
      if (isAway(c)) continue;
      const isWholeBlock = c.start === 0 && c.end === blocks[block]!.length && c.errors === 0;
      const isMovedParagraph = isWholeBlock && (anchor.type === 'paragraph' || hasLeft);
      // An exact quote needs one side of its context as it was (a neighbouring paragraph may have
      // changed); an edited one both (the words around an edit stay): a copy elsewhere has neither.
      const isSupported = !hasContext || isMovedParagraph || Math.max(c.before, c.after) >= SUPPORT;
      if (!isSupported || (match.errors > 0 && Math.min(c.before, c.after) < EDITED_SUPPORT)) continue;
      if (!best || c.cost < best.cost) best = { ...c, errors: match.errors };
    }
    // Found unchanged, or with its context as it was on both sides: a look-alike with more changes
    // does not beat that (and one with the old context around an edit was vetoed as away).
    if (best && (best.errors === 0 || (best.before === 1 && best.after === 1))) break;
  }
  return best ? result(blocks, anchor.type, best.block, best.start, best.end, 1 - best.errors / exact.length) : null;
}

/**
 * A match of the joined text placed in one block: a match over a separator keeps the block it
 * covers most ("On Friday" with "On" gone matched "d.\n\nFriday", half in the paragraph before).
 */
function placed(blocks: readonly string[], starts: readonly number[], m: Match, exact: string): { block: number; match: Match } {
  let block = 0;
  while (block + 1 < starts.length && starts[block + 1]! <= m.start) block++;
  let most = -1;
  for (let i = block; i < blocks.length && starts[i]! < m.end; i++) {
    const covered = Math.min(m.end, starts[i]! + blocks[i]!.length) - Math.max(m.start, starts[i]!);
    if (covered > most) [most, block] = [covered, i];
  }
  const at = starts[block]!;
  const match = { start: Math.max(0, m.start - at), end: Math.min(blocks[block]!.length, m.end - at), errors: m.errors };
  if (match.end - match.start < m.end - m.start) match.errors = editsTo(blocks[block]!.slice(match.start, match.end), exact);
  return { block, match };
}

/** The located passage: the whole block for a paragraph anchor, else the match without edge spaces. */
function result(blocks: readonly string[], type: Anchor['type'], block: number, start: number, end: number, quality: number): Located {
  const b = blocks[block]!;
  if (type === 'paragraph') return { block, start: 0, end: b.length, quality };
  while (start < end && b[start] === ' ') start++;
  while (end > start && b[end - 1] === ' ') end--;
  return { block, start, end, quality };
}
