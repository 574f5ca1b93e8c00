// @vitest-environment node
// Pure functions: no DOM needed, and Node starts faster than a DOM.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describePassage } from '../protocol/anchor-passage.ts';
import { collapse, quoteLabel } from '../protocol/anchor-text.ts';
import { loadArticles } from '../testing/anchor-corpus.ts';
import { locateAnchor } from './quote-match.ts';

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

describe('anchors after the edits that moved them to the wrong paragraph (issue 19)', () => {
  const [pull, summary] = ['news-pull-quote.json', 'news-summary-box.json'].map((f) => loadArticles().find((a) => a.file === f)!.blocks);
  /** The blocks with `from` replaced by `to` in block `block` only. */
  const edit = (blocks: string[], block: number, from: string, to: string) => blocks.map((b, i) => (i === block ? b.replace(from, to) : b));

  it.each([
    ['On Friday, the Obama administration said', 'Friday, the Obama administration said'],
    ['On Friday, the Obama administration said', 'On Fri., the Obama administration said'],
    ['Today, officials estimated that as many as', 'Officials estimated that as many as'],
  ])('a quote opening a paragraph ("%s" → "%s") stays in it, over the edited words', (text, edited) => {
    const a = quote(pull!, text);
    const block = pull!.findIndex((p) => p.startsWith(text));
    const blocks = edit(pull!, block, text, edited);
    const at = locateAnchor(blocks, a);
    expect(at?.block).toBe(block);
    expect(read(blocks, at)).toBe(edited);
  });

  it('an edited sentence keeps its comment when a pull quote repeats it', () => {
    const body = pull!.findIndex((p) => p.includes('the president said in the Rose Garden'));
    const pulled = pull!.indexOf('“This is not amnesty, this is not immunity.”');
    const a = quote(pull!, '“This is not amnesty, this is not immunity,” the president said');
    const blocks = edit(pull!, body, 'this is not immunity', 'this is no immunity');
    expect(locateAnchor(blocks, a)).toMatchObject({ block: body, start: 0 });
    // And the other way round: a comment on the pull quote stays on it when it is edited.
    const b = describePassage(pull!, pulled, 'quote');
    expect(locateAnchor(edit(pull!, pulled, 'amnesty, this', 'amnesty; this'), b)?.block).toBe(pulled);
  });

  it('an edited sentence keeps its comment when the summary box repeats it word for word', () => {
    const sentence = 'The council voted seven to two to approve the new budget.';
    const [box, body] = [summary!.indexOf(sentence), summary!.findIndex((p) => p.startsWith(`${sentence} Two`))];
    const a = describePassage(summary!, body, 'quote', 0, sentence.length);
    for (const [from, to] of [
      ['seven to two', 'seven to three'],
      ['the new budget', 'the budget'],
      ['The council voted', 'Councillors voted'],
    ]) {
      const blocks = edit(summary!, body, from!, to!);
      expect(locateAnchor(blocks, a)?.block, `${from} → ${to}`).toBe(body);
    }
    // Once the body's paragraph is gone, the summary is still another paragraph.
    expect(
      locateAnchor(
        summary!.filter((_, i) => i !== body),
        a,
      ),
    ).toBeNull();
    expect(box).toBeGreaterThan(-1);
  });

  it('takes the edited phrase, not its look-alike in the same paragraph', () => {
    const blocks = ['The mayor said the plan was fair and overdue. Critics said the plan was unfair to renters.'];
    const a = quote(blocks, 'said the plan was fair');
    const at = locateAnchor([blocks[0]!.replace('was fair', 'was just')], a);
    expect(read([blocks[0]!.replace('was fair', 'was just')], at)).toBe('said the plan was just');
  });

  it('finds a passage on a right-to-left page whose text carries bidi marks the server strips from anchors', () => {
    const page = [
      'وقال الوزير إن المستشفيات الجديدة ستستقبل المرضى.',
      'وأضاف الوزير أن الحكومة خصصت مبلغ \u200f200\u200f مليون دولار لتجهيز المستشفيات.',
    ];
    const stored = {
      type: 'quote' as const,
      exact: 'خصصت مبلغ 200 مليون دولار',
      prefix: 'وأضاف الوزير أن الحكومة',
      suffix: 'لتجهيز المستشفيات.',
    };
    const at = locateAnchor(page.map(collapse), stored);
    expect(at).toMatchObject({ block: 1, quality: 1 });
  });
});

describe('quote labels', () => {
  const french =
    'Le texte a été voté grâce aux voix de la majorité, tandis que la gauche (socialistes, écologistes et élus du Front de gauche) a voté contre dans son ensemble, comme annoncé.';

  it('elides a long quote in the middle between words, never inside one', () => {
    const label = quoteLabel({ type: 'quote', exact: french, prefix: 'vote', suffix: 'Les' });
    expect(label.startsWith('…') && !label.endsWith('…')).toBe(true);
    const [head, tail] = label.slice(1).split(' … ');
    expect(french.startsWith(head!)).toBe(true);
    expect(french.endsWith(tail!)).toBe(true);
    expect(french[head!.length]).toBe(' ');
    expect(french[french.length - tail!.length - 1]).toBe(' ');
  });

  it('puts "…" only where the quote goes on: not after a full stop, not before a sentence it opens', () => {
    expect(
      quoteLabel({ type: 'quote', exact: 'Advocates said they were confident.', prefix: 'for the newspaper.', suffix: 'Still,' }),
    ).toBe('Advocates said they were confident.');
    expect(quoteLabel({ type: 'quote', exact: 'Connecticut Trust Act', prefix: 'officers on the', suffix: ', which' })).toBe(
      '…Connecticut Trust Act…',
    );
    expect(quoteLabel({ type: 'quote', exact: 'se disent confiants.', prefix: 'Ils', suffix: '' })).toBe('…se disent confiants.');
    expect(quoteLabel({ type: 'quote', exact: '« Nous irons jusqu’au bout »', prefix: 'Les syndicats.', suffix: 'a dit' })).toBe(
      '« Nous irons jusqu’au bout »…',
    );
  });

  it('names a paragraph by its opening words, cut between words', () => {
    const label = quoteLabel({ type: 'paragraph', exact: french });
    expect(label.endsWith(' voix de la majorité, tandis que la…') || label.endsWith('…')).toBe(true);
    expect(french[label.length - 1]).toBe(' ');
    expect([...label].length).toBeLessThanOrEqual(81);
    expect(quoteLabel({ type: 'paragraph', exact: 'A short paragraph.' })).toBe('A short paragraph.');
  });
});

describe('what decides between candidates', () => {
  it('does not move to a copy with the same words before it while the old context still stands around the edit', () => {
    const blocks = [
      'Parking charges in the town centre will rise by 20p an hour.',
      'The council met on Tuesday.',
      'Parking charges in the town centre will rise by 20p an hour, the first rise in six years, the council said.',
    ];
    const start = blocks[2]!.indexOf('rise by 20p an hour');
    const a = describePassage(blocks, 2, 'quote', start, start + 'rise by 20p an hour'.length);
    const edited = blocks.map((b, i) => (i === 2 ? b.replace('rise by 20p an hour', 'go up by 25p every hour') : b));
    expect(locateAnchor(edited, a)).toBeNull();
  });

  it('follows a one-sentence paragraph quoted whole when the paragraphs are reordered', () => {
    const blocks = [
      'The budget was approved.',
      'Campaigners said the cuts would hit older people hardest.',
      'Traders were worried.',
      'It will be reviewed.',
    ];
    const a = describePassage(blocks, 1, 'quote', 0, blocks[1]!.length);
    const moved = [blocks[0]!, blocks[2]!, blocks[3]!, blocks[1]!];
    expect(locateAnchor(moved, a)).toMatchObject({ block: 3, start: 0, end: blocks[1]!.length });
  });

  it('finds the sentence that opens the page after its first word changed', () => {
    const blocks = ['Les députés ont adopté mardi le projet de loi sur les retraites.', 'Le Sénat doit examiner le texte.'];
    const a = describePassage(blocks, 0, 'quote', 0, blocks[0]!.length);
    const edited = [blocks[0]!.replace('Les', 'Quelques'), blocks[1]!];
    expect(locateAnchor(edited, a)).toMatchObject({ block: 0, start: 0, end: edited[0]!.length });
  });

  it('takes the nearer of two passages that read the same, edited the same way, in the same context', () => {
    const blocks = [
      'Shares fell on Monday, according to a statement from the company.',
      'Reporting by Jane Doe; editing by John Smith.',
      'The company did not comment further on the results for the quarter.',
      'Shares rose on Tuesday, according to a statement from the company.',
      'Reporting by Jane Doe; editing by John Smith.',
      'The company did not comment further on the results for the year.',
    ];
    const a = describePassage(blocks, 4, 'quote');
    expect(
      locateAnchor(
        blocks.map((b) => b.replace('John Smith', 'Jon Smith')),
        a,
      )?.block,
    ).toBe(4);
  });
});
