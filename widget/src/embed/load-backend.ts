import type { CommentsBackend } from '../backend/backend.ts';

/** The built-in adapters, by the name `data-backend` takes (`threadline`, the default, needs none). */
export type AdapterName = 'wordpress' | 'static';

/** What the adapters read of the page's settings (the script tag's `data-*`). */
export interface AdapterOptions {
  /**
   * WordPress: the REST root (default: the page's `<link rel="https://api.w.org/">`), e.g.
   * `"https://news.example/wp-json/"`. Static: the export file, e.g. `"/comments/archive.json"`.
   */
  api?: string | undefined;
  /** WordPress: the post whose comments to show. Default: read from the page. Example: `"42"`. */
  postId?: string | undefined;
  /** WordPress: seconds between checks for others' new comments while the tab is visible (default 60, min 2, 0 off; NaN: the default). */
  poll?: number | undefined;
}

/**
 * Loads an adapter's own chunk (only pages that ask for one fetch it) and makes its backend for
 * this page, to pass to `mount()` as `backend`. A page that lacks what the adapter needs (no REST
 * root, no post, no `api`) gets a backend that fails every call with that error, so the reader
 * sees the widget's message for it rather than nothing.
 */
export async function loadBackend(
  name: AdapterName | string,
  options: AdapterOptions,
  doc: Document = document,
): Promise<CommentsBackend | undefined> {
  if (name === 'wordpress') return (await import('../backend/wordpress/wordpress-adapter.ts')).createWordPressBackendFromPage(options, doc);
  if (name === 'static') return (await import('../backend/static-backend.ts')).createStaticBackendFromPage(options, doc);
  // `threadline` (the default) or a name this version does not know: our own server.
  return undefined;
}
