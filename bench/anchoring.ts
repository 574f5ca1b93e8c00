import { performance } from 'node:perf_hooks';
import { locateAnchor } from '../widget/src/inline/quote-match.ts';
import { describePassage } from '../widget/src/protocol/anchor-passage.ts';
import { collapse } from '../widget/src/protocol/anchor-text.ts';
import { random } from './generate-thread.ts';

/** What re-anchoring costs: every passage of an article found again, as the page loads. */
export interface AnchoringResult {
  scenario: string;
  anchors: number;
  ms: number;
  found: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * A long article (60 paragraphs of the seed's words, ~28,000 characters) with `n` quotes of 3–12
 * words: located in place, after a word changed in every paragraph (the fuzzy path), and after
 * every passage's paragraph was removed (the worst case: every search fails).
 */
export function measureAnchoring(paragraphs: readonly string[], n = 200, runs = 5): AnchoringResult[] {
  // Sixty paragraphs of the seed's words in random order: prose-like, and every paragraph its own.
  const rand = random(7);
  const vocabulary = paragraphs.map(collapse).join(' ').split(' ');
  const article = Array.from({ length: 60 }, () =>
    Array.from({ length: 70 + Math.floor(rand() * 20) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]!).join(' '),
  );
  const anchors = Array.from({ length: n }, () => {
    const block = Math.floor(rand() * article.length);
    const words = article[block]!.split(' ');
    const from = Math.floor(rand() * Math.max(1, words.length - 12));
    const quote = words.slice(from, from + 3 + Math.floor(rand() * 10)).join(' ');
    const start = article[block]!.indexOf(quote);
    return describePassage(article, block, 'quote', start, start + quote.length);
  });
  const edited = article.map((p) => p.replace(/\b(the|of|and)\b/, 'THE'));
  const scenarios: [string, string[]][] = [
    ['article unchanged', article],
    ['a word changed in every paragraph', edited],
    ['every paragraph replaced (nothing found)', article.map((_, i) => `A different paragraph number ${i} with other words entirely.`)],
  ];
  return scenarios.map(([scenario, blocks]) => {
    const times: number[] = [];
    let found = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      found = anchors.filter((a) => locateAnchor(blocks, a)).length;
      times.push(performance.now() - t0);
    }
    return { scenario, anchors: n, ms: median(times), found };
  });
}
