// @vitest-environment node
// Pure functions: no DOM needed, and Node starts faster than a DOM.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collapse, describePassage, locateAnchor } from './quote-match.ts';

const seed = JSON.parse(fs.readFileSync(new URL('../../../server-stub/fixtures/westport-thread.json', import.meta.url), 'utf8')) as {
  article: { paragraphs: string[] };
};
const article = seed.article.paragraphs.map(collapse);
const TRUST = article.findIndex((p) => p.includes('Connecticut Trust Act'));

/** The passage an anchor points at, read back from the blocks. */
const read = (blocks: readonly string[], at: ReturnType<typeof locateAnchor>) => (at ? blocks[at.block]!.slice(at.start, at.end) : null);

function quote(blocks: readonly string[], text: string) {
  const block = blocks.findIndex((p) => p.includes(text));
  const start = blocks[block]!.indexOf(text);
  return describePassage(blocks, block, 'quote', start, start + text.length);
}

describe('text-quote anchors on the seed article', () => {
  it('describes a selection with its context and position, and finds it again in place', () => {
    const a = quote(article, 'Connecticut Trust Act');
    expect(a).toMatchObject({
      type: 'quote',
      exact: 'Connecticut Trust Act',
      prefix: 'and trains its officers on the',
      suffix: ', which clearly defines the circ',
    });
    expect(locateAnchor(article, a)).toEqual({
      block: TRUST,
      start: article[TRUST]!.indexOf('Connecticut'),
      end: article[TRUST]!.indexOf('Act,') + 3,
      quality: 1,
    });
  });

  it('picks the occurrence whose context fits when the same words appear twice', () => {
    const a = quote(article, 'The Westport Police Department is in no way');
    const twice = article.map((p, i) => (i === 0 ? `${p} The Westport Police Department is in no way` : p));
    const at = locateAnchor(twice, { ...a, exact: 'The Westport Police Department' });
    expect(at?.block).toBe(article.findIndex((p) => p.startsWith('The Westport Police Department is in no way')));
  });

  it('survives one word changed inside the quote and inside an anchored paragraph', () => {
    const a = quote(article, 'clearly defines the circumstances and duration under which a prisoner');
    const edited = article.map((p) => p.replace('clearly defines', 'precisely defines'));
    const at = locateAnchor(edited, a);
    expect(at?.block).toBe(TRUST);
    expect(read(edited, at)).toContain('defines the circumstances and duration under which a prisoner');
    expect(at!.quality).toBeLessThan(1);

    const paragraph = describePassage(article, TRUST, 'paragraph');
    expect(locateAnchor(edited, paragraph)).toMatchObject({ block: TRUST, start: 0, end: edited[TRUST]!.length });
  });

  it('follows its passage when a paragraph is inserted above', () => {
    const a = quote(article, 'Connecticut Trust Act');
    const p = describePassage(article, TRUST, 'paragraph');
    const inserted = [
      article[0]!,
      'Editor’s note: this story was updated on Monday with a statement from the first selectman.',
      ...article.slice(1),
    ];
    expect(read(inserted, locateAnchor(inserted, a))).toBe('Connecticut Trust Act');
    expect(locateAnchor(inserted, a)!.block).toBe(TRUST + 1);
    expect(locateAnchor(inserted, p)!.block).toBe(TRUST + 1);
  });

  it('follows paragraphs that were reordered', () => {
    const a = quote(article, 'as a first generation immigrant himself');
    const reordered = [...article].reverse();
    expect(read(reordered, locateAnchor(reordered, a))).toBe('as a first generation immigrant himself');
  });

  it('reports a passage whose paragraph was removed as gone, not as some other text', () => {
    const removed = article.filter((_, i) => i !== TRUST);
    expect(locateAnchor(removed, quote(article, 'Connecticut Trust Act'))).toBeNull();
    expect(locateAnchor(removed, describePassage(article, TRUST, 'paragraph'))).toBeNull();
    // A long quote rewritten beyond recognition is gone too.
    const rewritten = article.map((p, i) => (i === TRUST ? 'Officers follow the state law on detainers.' : p));
    expect(locateAnchor(rewritten, quote(article, 'strictly adheres to and trains its officers on the Connecticut Trust Act'))).toBeNull();
  });

  it('does not take a short quote for a look-alike elsewhere when its context is gone', () => {
    const changed = article.map((p, i) => (i === TRUST ? 'This department follows the law.' : p));
    expect(
      locateAnchor([...changed, 'A new paragraph about the Connecticut Trust Fund.'], quote(article, 'Connecticut Trust Act')),
    ).toBeNull();
  });

  it('describes a paragraph anchor by the start of the paragraph and neighbouring text', () => {
    const p = describePassage(article, 2, 'paragraph');
    expect(p.exact).toBe(article[2]);
    expect(p.prefix).toBe(collapse(article[1]!.slice(-30)));
    expect(p.position).toBe(article[0]!.length + 2 + article[1]!.length + 2);
    expect(locateAnchor([], p)).toBeNull();
    expect(locateAnchor(article, { ...p, exact: '   ' })).toBeNull();
  });
});
