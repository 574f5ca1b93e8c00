/**
 * Comment counts of a WordPress site's posts, for embed.js on index pages (`data-backend="wordpress"`):
 * a chunk of its own with no imports, so the loader stays small and the widget is not loaded.
 */

/**
 * WordPress counts (keys are post ids): its comments of all the posts, 100 a request, counted
 * here; when that would take more requests than there are posts, one request per post reading
 * X-WP-Total instead. The REST root is `api` (the script's `data-api`) or the page's `<link rel="https://api.w.org/">`.
 */
export async function wordPressCounts(
  ids: string[],
  api: string | undefined,
  doc: Document = document,
): Promise<{ counts: Record<string, number> }> {
  const root = api || doc.querySelector<HTMLLinkElement>('link[rel="https://api.w.org/"]')?.href;
  if (!root) throw new Error('no WordPress REST root on this page');
  const get = async (post: string, page: number, perPage: number) => {
    const url = new URL(root);
    const route = '/wp/v2/comments';
    if (url.searchParams.has('rest_route')) url.searchParams.set('rest_route', route);
    else url.pathname = url.pathname.replace(/\/?$/, route);
    url.search += `${url.search ? '&' : '?'}post=${post}&per_page=${perPage}&page=${page}&_fields=post`;
    const r = await fetch(url, { credentials: 'omit' });
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return {
      list: (await r.json()) as { post: number }[],
      total: Number(r.headers.get('X-WP-Total')),
      pages: Number(r.headers.get('X-WP-TotalPages')) || 1,
    };
  };
  const counts: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  const first = await get(ids.join(','), 1, 100);
  if (first.pages > ids.length) {
    await Promise.all(ids.map(async (id) => (counts[id] = (await get(id, 1, 1)).total)));
  } else {
    const rest = await Promise.all(Array.from({ length: first.pages - 1 }, (_, i) => get(ids.join(','), i + 2, 100)));
    for (const c of [first, ...rest].flatMap((p) => p.list)) counts[c.post] = (counts[c.post] ?? 0) + 1;
  }
  return { counts };
}
