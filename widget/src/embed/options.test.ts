import { describe, expect, it } from 'vitest';
import { describePage, resolveThreadKey } from './options.ts';

/** Just enough of a Document for the option resolvers. */
function fakeDocument(opts: {
  canonical?: string;
  pathname?: string;
  search?: string;
  title?: string;
  ogTitle?: string;
  href?: string;
}): Document {
  const href = opts.href ?? `https://news.example${opts.pathname ?? '/'}#comment-1`;
  return {
    baseURI: href,
    title: opts.title ?? '',
    location: { pathname: opts.pathname ?? '/', search: opts.search ?? '', href },
    querySelector: (sel: string) => {
      if (sel.includes('canonical')) return opts.canonical ? { href: new URL(opts.canonical, href).href } : null;
      if (sel.includes('og:title')) return opts.ogTitle ? { content: opts.ogTitle } : null;
      return null;
    },
  } as unknown as Document;
}

describe('resolveThreadKey', () => {
  it('prefers data-thread', () => {
    expect(resolveThreadKey(' story-42 ', fakeDocument({ canonical: '/a', pathname: '/b' }))).toBe('story-42');
  });
  it('uses the canonical link’s path, so ?utm and #hash variants share a thread', () => {
    expect(resolveThreadKey(undefined, fakeDocument({ canonical: 'https://www.news.example/a/b?x=1', pathname: '/amp/a/b' }))).toBe('/a/b');
  });
  it('falls back to location.pathname', () => {
    expect(resolveThreadKey('', fakeDocument({ pathname: '/news/x' }))).toBe('/news/x');
  });
  it('keeps a plain permalink’s ?p= or ?page_id=, so every post of such a site has its own thread', () => {
    expect(resolveThreadKey(undefined, fakeDocument({ canonical: 'https://blog.example/?p=123&utm_source=x' }))).toBe('/?p=123');
    expect(resolveThreadKey(undefined, fakeDocument({ canonical: 'https://blog.example/?p=124' }))).toBe('/?p=124');
    expect(resolveThreadKey(undefined, fakeDocument({ pathname: '/', search: '?page_id=7&replytocom=3' }))).toBe('/?page_id=7');
    expect(resolveThreadKey(undefined, fakeDocument({ pathname: '/news/x', search: '?utm_medium=social' }))).toBe('/news/x');
  });
});

describe('describePage', () => {
  it('sends the og:title and the canonical url without its hash', () => {
    expect(describePage(fakeDocument({ canonical: 'https://news.example/a#top', title: 'A | Site', ogTitle: 'A' }))).toEqual({
      title: 'A',
      url: 'https://news.example/a',
    });
  });
  it('falls back to document.title and location.href', () => {
    expect(describePage(fakeDocument({ pathname: '/x', title: 'X | Site' }))).toEqual({ title: 'X | Site', url: 'https://news.example/x' });
  });
});
