import type { CommentsBackend } from '../backend/backend.ts';
import type { MarkerHandoff } from '../inline/marker-layer.ts';

/** Colour scheme of the widget. */
export type Theme = 'light' | 'dark' | 'auto';

/** Options of `mount()`; the script tag and `<threadline-comments>` map their attributes onto these. */
export interface MountOptions {
  /** Base URL of the threadline API. Required unless `backend` is given. Example: `"https://comments.example.com"`. */
  api?: string;
  /** Thread key. Default: the path of `<link rel=canonical>`, else `location.pathname`, with `?p=`/`?page_id=` kept (plain permalinks). */
  thread?: string;
  /** Language tag, one of `LANGUAGES` (protocol/languages.ts) or a region of one: `"de"`, `"pt-BR"`, `"zh-TW"`. Default: the page's `lang`, then the browser's languages, then English. */
  lang?: string;
  /**
   * Colour scheme. Default: none, inheriting the page's text colour and deriving borders and
   * surfaces from it. `light`/`dark` use the widget's own palette; `auto` follows `prefers-color-scheme`.
   */
  theme?: Theme;
  /** Levels of nesting drawn, top level included (default 4, 1–8); deeper replies are flattened. */
  maxDepth?: number;
  /** Top-level comments per page, each with all its replies (default 50, 1–200). */
  pageSize?: number;
  /**
   * Inline comments: a CSS selector for the blocks of the article readers may comment on
   * (`"article p"`). Each gets a marker with its count; selected text can be commented on.
   */
  inline?: string;
  /** Set by embed.js: its marker layer, which the inline layer takes over (the anchors, what the reader opened). Default: none. */
  markers?: MarkerHandoff;
  /**
   * A backend other than the threadline HTTP protocol (must implement CommentsBackend), e.g. the
   * WordPress or static adapter from `loadBackend()`. Default (or `undefined`): the server at `api`.
   */
  backend?: CommentsBackend | undefined;
  /**
   * Sign-in with the site's accounts: resolves with a short-lived JWT the site signed for the
   * signed-in reader, or null for a guest. Asked on mount and again before the token expires.
   * Default: none (every reader is a guest). Example: `auth: () => fetch('/threadline-token').then((r) => (r.status === 204 ? null : r.json()).then((b) => b?.token ?? null))`.
   */
  auth?: () => Promise<string | null>;
  /** A URL on the site's own origin answering `{"token": "…"}` (or 204 for a guest); used when `auth` is not given. Example: `"/threadline-token"`. */
  ssoTokenUrl?: string;
  /** The site's sign-in page, linked as "Sign in" (the reader comes back to this page). Default: none. */
  loginUrl?: string;
  /** The site's sign-out page, linked as "Sign out". Default: none. */
  logoutUrl?: string;
}

/** Top-level comments on the first page and per "Show more comments" (a page holds at most 2× this many comments). */
export const DEFAULT_PAGE_SIZE = 50;

/** Clamps a number option into range, falling back to the default for anything unusable. */
export function clampOption(value: number | string | undefined, fallback: number, min: number, max: number): number {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : value;
  return n === undefined || !Number.isFinite(n) ? fallback : Math.min(max, Math.max(min, Math.trunc(n)));
}

/** Query parameters that name the page where its path alone does not: WordPress's plain permalinks (`/?p=123`, `/?page_id=7`). */
const PAGE_PARAMS = ['p', 'page_id'];

/** A page's default thread key: its path, plus a page-naming parameter when there is one (`/?p=123`); other parameters (`?utm_…`) are dropped. */
export function pageKey(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  const kept = PAGE_PARAMS.filter((p) => params.get(p)).map((p) => `${p}=${encodeURIComponent(params.get(p)!)}`);
  return kept.length ? `${pathname}?${kept.join('&')}` : pathname;
}

/** The thread key for this page: explicit, else the canonical URL's key, else the location's (see pageKey). */
export function resolveThreadKey(explicit: string | undefined, doc: Document = document): string {
  if (explicit?.trim()) return explicit.trim();
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  if (canonical) {
    try {
      const url = new URL(canonical.href, doc.baseURI);
      return pageKey(url.pathname, url.search);
    } catch {
      // A malformed canonical link is the page's problem; fall through to the location.
    }
  }
  return pageKey(doc.location?.pathname || '/', doc.location?.search ?? '');
}

/** Title and address of the page, sent with a thread's first comment. */
export function describePage(doc: Document = document): { title: string; url: string } {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href;
  const url = new URL(canonical || doc.location.href);
  url.hash = '';
  const ogTitle = doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content;
  return { title: (ogTitle || doc.title || url.pathname).trim().slice(0, 300), url: url.href.slice(0, 2048) };
}

/** The comment id a `#comment-ID` hash points at, if any. */
export function commentIdFromHash(hash: string): string | null {
  const m = /^#comment-([\w-]{1,64})$/.exec(hash);
  return m ? m[1]! : null;
}
