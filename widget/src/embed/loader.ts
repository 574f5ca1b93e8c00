/**
 * embed.js: the only script a site owner adds. Kept tiny (budget 2.5 KB gzip): it defines
 * `<threadline-comments>`, places one where the script tag stands (or into `data-target`), fills
 * `data-threadline-count` elements (loading the widget's small catalog chunk for a language other
 * than English), and fetches the widget module (`threadline.js`, next to this file) only when a
 * comment section comes near the viewport. With `data-inline` it loads the small marker layer at
 * once (markers need the anchors, not the widget); the widget follows when a reader opens one.
 */
import type { PackedCatalog } from '../i18n/catalog-pack.ts';
import type { MarkerHandoff, startMarkers } from '../inline/marker-layer.ts';
import type { CountWords } from '../inline/marker-words.ts';
import { type Language, pickLanguage } from '../protocol/languages.ts';
import type { loadBackend } from './load-backend.ts';
import type { MountHandle } from './mount.ts';
import type { MountOptions, Theme } from './options.ts';

type WidgetModule = { mount(element: Element, options: MountOptions): MountHandle; loadBackend: typeof loadBackend };

/** Set by the build (vite.config.ts): each language's catalog chunk hash, and English's `thread.count` forms packed. */
declare const __THREADLINE_CATALOG_HASHES__: Partial<Record<Language, string>>;
declare const __THREADLINE_EN_COUNT__: PackedCatalog;
/** Set by the build: the hash of the WordPress counts chunk (index pages with data-backend="wordpress" load it). */
declare const __THREADLINE_WORDPRESS_COUNTS__: string;
/** Set by the build: the hash of the marker layer chunk (pages with data-inline load it at once). */
declare const __THREADLINE_MARKERS__: string;

const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="embed.js"]');
const base = script?.src || location.href;
const defaultApi = () => new URL(base).origin;
let widget: Promise<WidgetModule> | undefined;

/** Loads the widget module once, from beside embed.js; after a failure the next call fetches it again. */
const loadWidget = (): Promise<WidgetModule> =>
  (widget ??= (import(/* @vite-ignore */ new URL('threadline.js', base).href) as Promise<WidgetModule>).catch((err: unknown) => {
    widget = undefined;
    throw err;
  }));

/** Attributes of the element (and `data-*` of the script tag) that become mount options. */
const ATTRIBUTES = [
  'api',
  'thread',
  'lang',
  'theme',
  'max-depth',
  'page-size',
  'lazy',
  'inline',
  'backend',
  'post-id',
  'poll',
  'sso-token-url',
  'login-url',
  'logout-url',
] as const;

/** `<threadline-comments api thread lang theme max-depth page-size lazy inline backend post-id poll sso-token-url login-url logout-url>`: a comment section wherever it is placed. */
class ThreadlineComments extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  private handle: MountHandle | undefined;
  private observer: IntersectionObserver | undefined;
  private ticket = 0;
  /** The marker layer (data-inline), until the widget's inline layer has taken it over. */
  private markers: Promise<MarkerHandoff | undefined> | undefined;

  connectedCallback(): void {
    // Lazy by default: nothing is fetched until the section is within ~1.5 screens, unless a
    // link points at a comment (it must open now) or the page asks for eager loading.
    const eager = this.getAttribute('lazy') === 'false' || location.hash.startsWith('#comment-');
    if (eager || typeof IntersectionObserver !== 'function') {
      this.start();
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this.start();
      },
      { rootMargin: '600px 0px' },
    );
    this.observer.observe(this);
    const inline = this.getAttribute('inline');
    // Other backends (data-backend) keep their own anchors: their widget starts with the paragraphs.
    if (this.getAttribute('backend')) for (const block of inlineBlocks(inline)) this.observer.observe(block);
    else if (inline) this.startMarkers();
  }

  /** Markers beside the paragraphs at once; the widget loads when a reader opens one (or nears the section). */
  private startMarkers(): void {
    const words = countWords(pickLanguage([this.closest('[lang]')?.getAttribute('lang'), ...(navigator.languages ?? [])]));
    // Drawn unless the element went (a widget already starting takes them over: its load may fail).
    const markers: typeof this.markers = (
      import(/* @vite-ignore */ new URL(`threadline-markers-${__THREADLINE_MARKERS__}.js`, base).href) as Promise<{
        startMarkers: typeof startMarkers;
      }>
    ).then(
      (m) =>
        markers === this.markers && this.isConnected
          ? m.startMarkers(this, {
              api: this.getAttribute('api') || defaultApi(),
              words,
              countLabel,
              prefetch: loadWidget,
              // Until the widget is there (a load that failed is tried again); the latest start mounts it.
              open: () => (this.handle ? undefined : this.start()),
            })
          : undefined,
      (err: unknown) => void console.error('[threadline] could not load inline comments', err),
    );
    this.markers = markers;
  }

  disconnectedCallback(): void {
    this.ticket++;
    void this.markers?.then((m) => m?.remove());
    this.markers = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
    this.handle?.unmount();
    this.handle = undefined;
  }

  attributeChangedCallback(): void {
    if (this.handle) this.start();
  }

  private start(): Promise<void> {
    this.observer?.disconnect();
    this.observer = undefined;
    const ticket = ++this.ticket;
    const markers = this.markers;
    const get = (name: string) => this.getAttribute(name) ?? undefined;
    const api = get('api');
    const adapter = get('backend');
    const options: MountOptions = { api: api || defaultApi() };
    const theme = get('theme');
    // Text options as given, named in camelCase (`login-url` → `loginUrl`): fewer bytes than one line each.
    for (const name of ['thread', 'lang', 'inline', 'sso-token-url', 'login-url', 'logout-url']) {
      const value = get(name);
      if (value) (options as Record<string, unknown>)[name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = value;
    }
    if (theme === 'light' || theme === 'dark' || theme === 'auto') options.theme = theme as Theme;
    if (get('max-depth')) options.maxDepth = Number(get('max-depth'));
    if (get('page-size')) options.pageSize = Number(get('page-size'));
    const started = loadWidget().then(async (m) => {
      // data-backend: an adapter's own chunk, reading data-api itself (WordPress finds its REST root
      // on the page); only our own server defaults to embed.js's origin.
      if (adapter) options.backend = await m.loadBackend(adapter, { api, postId: get('post-id'), poll: Number(get('poll')) });
      // The inline layer takes over the markers: their anchors, and what the reader opened.
      const handoff = await markers;
      if (handoff) options.markers = handoff;
      // The element may have moved or changed while the modules loaded: only the latest start wins.
      if (ticket !== this.ticket || !this.isConnected) return;
      this.handle?.unmount();
      this.handle = m.mount(this, options);
      this.markers = undefined;
    });
    started.catch((err: unknown) => console.error('[threadline] could not load the comments widget', err));
    return started;
  }
}

/** The first blocks a `data-inline` selector matches (none for a selector the browser rejects). */
function inlineBlocks(selector: string | null): Element[] {
  try {
    return selector ? [...document.querySelectorAll(selector)].slice(0, 20) : [];
  } catch {
    return [];
  }
}

if (!customElements.get('threadline-comments')) customElements.define('threadline-comments', ThreadlineComments);

/** Fills every `[data-threadline-count="KEY"]` with "N comments" in its language, all in one request. */
function fillCounts(api: string, scriptLang: string | undefined): void {
  const els = [...document.querySelectorAll<HTMLElement>('[data-threadline-count]')];
  const keys = [...new Set(els.map((e) => e.dataset.threadlineCount!).filter(Boolean))].slice(0, 100);
  if (!keys.length) return;
  const url = new URL('/api/counts', api);
  for (const k of keys) url.searchParams.append('thread', k);
  const langOf = (el: Element) => pickLanguage([el.closest('[lang]')?.getAttribute('lang'), scriptLang, ...(navigator.languages ?? [])]);
  // The words load while the counts are on the wire; each language once.
  const words = new Map(els.map((el) => langOf(el)).map((lang) => [lang, countWords(lang)]));
  (data?.backend === 'wordpress'
    ? (
        import(/* @vite-ignore */ new URL(`threadline-wordpress-counts-${__THREADLINE_WORDPRESS_COUNTS__}.js`, base).href) as Promise<
          typeof import('./wordpress-counts.ts')
        >
      ).then((m) => m.wordPressCounts(keys, data.api))
    : fetch(url, { credentials: 'omit' }).then((r) =>
        r.ok ? (r.json() as Promise<{ counts: Record<string, number> }>) : Promise.reject(new Error(`HTTP ${r.status}`)),
      )
  )
    .then(({ counts }) =>
      Promise.all(
        els.map(async (el) => {
          const n = counts[el.dataset.threadlineCount!];
          if (n !== undefined) el.textContent = countLabel(n, await words.get(langOf(el))!);
        }),
      ),
    )
    .catch((err: unknown) => console.error('[threadline] could not load comment counts', err));
}

/** A language's count words: English's are built in; others come from the widget's own catalog chunk. */
function countWords(lang: Language): Promise<CountWords> {
  const hash = __THREADLINE_CATALOG_HASHES__[lang];
  if (!hash) return Promise.resolve({ lang: 'en', forms: __THREADLINE_EN_COUNT__ });
  return (import(/* @vite-ignore */ new URL(`threadline-${lang}-${hash}.js`, base).href) as Promise<{ catalog: PackedCatalog }>).then(
    ({ catalog }) => ({ lang, forms: catalog }),
    (err: unknown) => {
      console.error('[threadline] could not load comment counts in', lang, err);
      return { lang: 'en', forms: __THREADLINE_EN_COUNT__ };
    },
  );
}

/** "N comments" by Intl.PluralRules; a packed catalog starts with its plural categories, then `thread.count`'s forms. */
function countLabel(n: number, { lang, forms: [categories = '', ...forms] }: CountWords): string {
  const names = categories.split(' ');
  const form = forms[names.indexOf(new Intl.PluralRules(lang).select(n))] ?? forms[names.indexOf('other')] ?? '{n}';
  return form.replace('{n}', n.toLocaleString(lang));
}

const data = script?.dataset;
const onReady = (fn: () => void) =>
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', fn, { once: true }) : fn();

if (data) onReady(() => fillCounts(data.api || defaultApi(), data.lang));

/** The script tag mounts a section only when it carries `data-api` or `data-backend`; otherwise pages place elements themselves. */
if (script && (data?.api || data?.backend)) {
  const element = document.createElement('threadline-comments');
  for (const name of ATTRIBUTES) {
    const value = script.getAttribute(`data-${name}`);
    if (value !== null) element.setAttribute(name, value);
  }

  const place = (): boolean => {
    if (data.target) {
      const target = document.querySelector(data.target);
      if (!target) return false;
      target.append(element);
    } else if (script.parentElement && script.parentElement !== document.head) {
      script.after(element);
    } else {
      // A tag in <head> has no place in the page to stand: use the end of the body.
      if (!document.body) return false;
      document.body.append(element);
    }
    return true;
  };
  // An async tag can run before its target is parsed: retry once the document is complete.
  if (!place()) {
    onReady(() => {
      if (!place()) console.error(`[threadline] data-target "${data.target}" matches no element`);
    });
  }
}
