/** Query parameters that name the page where its path alone does not: WordPress's plain permalinks (`/?p=123`, `/?page_id=7`). */
const PAGE_PARAMS = ['p', 'page_id'];

/**
 * The thread key of a page, as the widget computes it by default (widget/src/embed/options.ts,
 * pageKey; a test checks that both agree): the URL's path, plus a page-naming parameter when it has
 * one. `https://blog.example/?p=123&utm_source=x` → `/?p=123`.
 */
export function threadKeyOf(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    url = new URL(link.startsWith('/') ? link : `/${link}`, 'http://relative.invalid');
  }
  const kept = PAGE_PARAMS.filter((p) => url.searchParams.get(p)).map((p) => `${p}=${encodeURIComponent(url.searchParams.get(p)!)}`);
  const path = url.pathname || '/';
  return kept.length ? `${path}?${kept.join('&')}` : path;
}
