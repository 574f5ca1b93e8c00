/**
 * Where a WordPress page's comments live, read from the page itself: the REST root WordPress
 * themes announce, and the post the page shows.
 */

/** The REST API root a WordPress page announces (`<link rel="https://api.w.org/">`), or null. */
export function discoverRestRoot(doc: Document): string | null {
  const link = doc.querySelector<HTMLLinkElement>('link[rel="https://api.w.org/"][href]');
  return link ? link.href : null;
}

/** A post as the REST API knows it: its id and the collection it is in (`posts`, `pages`, a custom type). */
export interface WordPressPostRef {
  id: string;
  /** REST route of the post, e.g. `wp/v2/posts/42`; absent when only the id is known. */
  route?: string;
}

/**
 * The post this page shows: from `<link rel="alternate" type="application/json">` (its REST
 * route), else the `shortlink` (`?p=ID`), else the body class (`postid-ID`, `page-id-ID`).
 */
export function discoverPost(doc: Document): WordPressPostRef | null {
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel="alternate"][type="application/json"][href]')) {
    const m = /wp\/v2\/([\w-]+)\/(\d+)\/?$/.exec(decodeURIComponent(link.href));
    if (m) return { id: m[2]!, route: `wp/v2/${m[1]}/${m[2]}` };
  }
  const short = doc.querySelector<HTMLLinkElement>('link[rel="shortlink"][href]');
  const fromShort = short && /[?&](?:p|page_id)=(\d+)/.exec(short.href);
  if (fromShort) return { id: fromShort[1]! };
  const fromClass = /(?:^|\s)(?:postid|page-id)-(\d+)(?:\s|$)/.exec(doc.body?.className ?? '');
  return fromClass ? { id: fromClass[1]! } : null;
}
