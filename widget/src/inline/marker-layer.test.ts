import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { packCatalog } from '../i18n/catalog-pack.ts';
import { catalog as de } from '../i18n/catalogs/de.ts';
import { enWrite } from '../i18n/en-write.ts';
import { createTranslator } from '../i18n/translator.ts';
import { describePassage } from '../protocol/anchor-passage.ts';
import type { AnchorCount } from '../protocol/types.ts';
import { type MarkerHandoff, startMarkers } from './marker-layer.ts';
import type { CountWords } from './marker-words.ts';

const REPEATED = 'The council will vote on Tuesday.';
/** Paragraphs 0 and 2 say the same sentence; the pull quote repeats paragraph 1's words outside the selector. */
const PARAGRAPHS = [
  `The budget was tabled in March. ${REPEATED}`,
  'Residents filled the hall to ask about the library hours.',
  `After the hearing the mayor spoke. ${REPEATED}`,
  'Nothing was decided about parking.',
];
const PAGE = `<article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}<aside class="pull">Residents filled the hall</aside></article>`;

/** The anchors answer: 3 comments on the repeated sentence in paragraph 2 (not 0), 2 on paragraph 1's words. */
const ANCHORS: AnchorCount[] = [
  { key: 'a', anchor: describePassage(PARAGRAPHS, 2, 'quote', PARAGRAPHS[2]!.indexOf(REPEATED), PARAGRAPHS[2]!.length), count: 3 },
  { key: 'b', anchor: describePassage(PARAGRAPHS, 1, 'quote', 0, 'Residents filled the hall'.length), count: 2 },
];

/** "N comments" as embed.js says it (Intl.PluralRules over the packed forms). */
const countLabel = (n: number, { lang, forms: [categories = '', ...forms] }: CountWords) =>
  (forms[categories.split(' ').indexOf(new Intl.PluralRules(lang).select(n))] ?? '{n}').replace('{n}', String(n));
const ENGLISH: CountWords = { lang: 'en', forms: ['one other', '{n} comment', '{n} comments'] };

let container: HTMLElement;
let layer: MarkerHandoff;
const open = vi.fn();
const prefetch = vi.fn(() => Promise.resolve());

function start(answer: Response, words: CountWords = ENGLISH): MarkerHandoff {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(answer)),
  );
  layer = startMarkers(container, { api: 'https://comments.example', words: Promise.resolve(words), countLabel, prefetch, open });
  return layer;
}
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const markers = () => [
  ...(container.querySelector('threadline-inline')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('.tl-inline-marker') ?? []),
];
const settle = () => vi.waitFor(() => expect(markers().length).toBeGreaterThan(0));

beforeEach(() => {
  document.body.innerHTML = `${PAGE}<threadline-comments inline="article p" thread="/budget"></threadline-comments>`;
  container = document.querySelector('threadline-comments')!;
  open.mockClear();
  prefetch.mockClear();
});
afterEach(() => {
  layer?.remove();
  vi.unstubAllGlobals();
});

describe('the marker layer', () => {
  it('asks the anchors of the thread and puts each count on the paragraph its passage is in', async () => {
    start(json({ anchors: ANCHORS }));
    await settle();
    expect(vi.mocked(fetch).mock.calls[0]![0]!.toString()).toBe('https://comments.example/api/anchors?thread=%2Fbudget');
    // The repeated sentence lands on paragraph 3 (its context), not 1; the pull quote is not a block.
    expect(markers().map((m) => m.getAttribute('aria-label'))).toEqual([
      'Comment on paragraph 1',
      'Comments on paragraph 2: 2 comments',
      'Comments on paragraph 3: 3 comments',
      'Comment on paragraph 4',
    ]);
    expect(markers().map((m) => m.textContent)).toEqual(['+', '2', '3', '+']);
    expect(markers().map((m) => m.classList.contains('tl-inline-marker-empty'))).toEqual([true, false, false, true]);
    expect(layer.anchors).toEqual(ANCHORS);
  });

  it('says its labels in the reader’s language, from that language’s packed catalog', async () => {
    start(json({ anchors: ANCHORS }), { lang: 'de', forms: packCatalog(de, Object.keys(enWrite)) });
    await settle();
    const t = createTranslator('de', de);
    expect(markers()[2]!.getAttribute('aria-label')).toBe(`${t.t('inline.paragraph', { p: 3 })}: ${t.plural('thread.count', 3)}`);
    expect(markers()[0]!.getAttribute('aria-label')).toBe(t.t('inline.add', { p: 1 }));
  });

  it('opening a marker asks for the widget once and keeps what was opened for it; a second click closes it', async () => {
    start(json({ anchors: ANCHORS }));
    await settle();
    markers()[1]!.dispatchEvent(new Event('pointerover', { bubbles: true, composed: true }));
    expect(prefetch).toHaveBeenCalled();
    markers()[1]!.click();
    expect(open).toHaveBeenCalledTimes(1);
    expect(layer.intent).toEqual({ block: 1 });
    await vi.waitFor(() => expect(markers()[1]!.getAttribute('aria-expanded')).toBe('true'));
    markers()[1]!.click();
    expect(layer.intent).toBeNull();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('a widget that could not load leaves the marker closed, and the next click asks for it again', async () => {
    start(json({ anchors: ANCHORS }));
    await settle();
    open.mockReturnValueOnce(Promise.reject(new Error('offline')));
    markers()[1]!.click();
    await vi.waitFor(() => expect(layer.intent).toBeNull());
    await vi.waitFor(() => expect(markers()[1]!.getAttribute('aria-expanded')).toBe('false'));
    markers()[1]!.click();
    expect(open).toHaveBeenCalledTimes(2);
    expect(layer.intent).toEqual({ block: 1 });
  });

  it('a server without anchors (404) gets no markers; remove() leaves the page as it was', async () => {
    start(json({ error: { code: 'not_found', message: 'no' } }, 404));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(markers()).toHaveLength(0);
    expect(layer.anchors).toBeNull();
    layer.remove();
    expect(container.querySelector('threadline-inline')).toBeNull();
    expect(document.querySelector('article')!.outerHTML).toBe(PAGE);
  });
});
