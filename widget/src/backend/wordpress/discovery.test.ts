import { describe, expect, it } from 'vitest';
import { discoverPost, discoverRestRoot } from './discovery.ts';
import { restUrl } from './rest-client.ts';

/** Just enough of a Document: links by rel (and type), and the body class. */
function page(links: { rel: string; href: string; type?: string }[], bodyClass = ''): Document {
  return {
    body: { className: bodyClass },
    querySelector: (sel: string) => page(links, bodyClass).querySelectorAll(sel)[0] ?? null,
    querySelectorAll: (sel: string) =>
      links.filter((l) => sel.includes(`rel="${l.rel}"`) && (!sel.includes('type=') || sel.includes(`type="${l.type}"`))),
  } as unknown as Document;
}

describe('WordPress discovery', () => {
  it('finds the REST root WordPress themes announce', () => {
    expect(discoverRestRoot(page([{ rel: 'https://api.w.org/', href: 'https://news.example/wp-json/' }]))).toBe(
      'https://news.example/wp-json/',
    );
    expect(discoverRestRoot(page([]))).toBeNull();
  });

  it.each([
    {
      title: 'the alternate JSON link (with its collection)',
      doc: page([{ rel: 'alternate', type: 'application/json', href: 'https://news.example/wp-json/wp/v2/pages/7' }]),
      expected: { id: '7', route: 'wp/v2/pages/7' },
    },
    {
      title: 'a plain-permalink site’s alternate link',
      doc: page([{ rel: 'alternate', type: 'application/json', href: 'https://news.example/index.php?rest_route=/wp/v2/posts/12' }]),
      expected: { id: '12', route: 'wp/v2/posts/12' },
    },
    { title: 'the shortlink', doc: page([{ rel: 'shortlink', href: 'https://news.example/?p=42' }]), expected: { id: '42' } },
    { title: 'the body class', doc: page([], 'post-template-default single postid-99 logged-in'), expected: { id: '99' } },
    { title: 'nothing', doc: page([], 'home blog'), expected: null },
  ])('finds the post from $title', ({ doc, expected }) => {
    expect(discoverPost(doc)).toEqual(expected);
  });

  it('builds routes under pretty and plain REST roots', () => {
    expect(restUrl('https://n.example/wp-json/', 'wp/v2/comments', { post: [1, 2], page: 2 })).toBe(
      'https://n.example/wp-json/wp/v2/comments?post=1%2C2&page=2',
    );
    expect(restUrl('https://n.example/index.php?rest_route=/', 'wp/v2/comments', { post: 3 })).toBe(
      'https://n.example/index.php?rest_route=%2Fwp%2Fv2%2Fcomments&post=3',
    );
  });
});
