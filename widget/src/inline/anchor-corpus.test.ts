// @vitest-environment node
// Reads its article fixtures from disk: Node, not the DOM project's default.
import { describe, expect, it } from 'vitest';
import { type AnchorCase, casesOf, type Edit, judge, loadArticles, type Verdict } from '../testing/anchor-corpus.ts';
import { locateAnchor } from './quote-match.ts';

/**
 * Re-anchoring over real-world article layouts (fixtures/): every sentence, phrase and paragraph,
 * edited at the start, middle and end of the quote, and every paragraph inserted, removed or moved.
 * An anchor lands on the edited passage or on nothing: never on another paragraph.
 */

const articles = loadArticles();

/** The cases of one edit, run, with the wrong ones described for the failure message. */
function run(cases: AnchorCase[]) {
  const counts: Record<Verdict, number> = { right: 0, null: 0, wrong: 0 };
  const wrong: string[] = [];
  for (const c of cases) {
    const at = locateAnchor(c.blocks, c.anchor);
    const verdict = judge(c, at);
    counts[verdict]++;
    if (verdict === 'wrong')
      wrong.push(
        `${c.kind} "${c.anchor.exact}" (${c.where ?? ''}): got ${at ? `block ${at.block} "${c.blocks[at.block]!.slice(at.start, at.end)}"` : 'null'}`,
      );
  }
  return { counts, wrong };
}

/** At least this share of each edit's cases must find the passage (the rest may say "changed"). */
const MUST_FIND: Record<Edit, number> = {
  'word shortened': 0.95,
  'word dropped': 0.8,
  'word changed': 0.8,
  punctuation: 1,
  'paragraph inserted before': 1,
  'paragraph inserted after': 1,
  'previous paragraph removed': 1,
  'paragraph moved to the end': 0.5,
  'paragraph removed': 0,
};

describe.each(articles.map((a) => [a.file, a] as const))('anchors on %s', (_, article) => {
  const cases = casesOf(article);
  it.each(Object.entries(MUST_FIND) as [Edit, number][])('%s: lands on the passage or nowhere', (edit, share) => {
    const mine = cases.filter((c) => c.edit === edit);
    const { counts, wrong } = run(mine);
    expect(wrong).toEqual([]);
    expect(counts.right).toBeGreaterThanOrEqual(Math.ceil(share * mine.length));
    if (edit === 'paragraph removed') expect(counts.null).toBe(mine.length);
  });
});

describe('the long article, sentence by sentence', () => {
  const wiki = articles.find((a) => a.file === 'wiki-long.json')!;
  const sentences = casesOf(wiki).filter((c) => c.kind === 'sentence');

  it('has about 130 sentences, each quoted', () => {
    expect(new Set(sentences.map((c) => c.anchor.exact)).size).toBeGreaterThanOrEqual(125);
  });

  it.each(['word shortened', 'word dropped', 'word changed', 'punctuation'] as const)(
    'first word %s: every sentence stays in its paragraph',
    (edit) => {
      const { counts, wrong } = run(sentences.filter((c) => c.edit === edit && c.where === 'start'));
      expect(wrong).toEqual([]);
      expect(counts.right).toBeGreaterThanOrEqual(0.95 * (counts.right + counts.null));
    },
  );
});
