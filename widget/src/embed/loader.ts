/**
 * embed.js: the only script a site owner adds. Kept tiny (budget 2.5 KB gzip): it defines
 * `<threadline-comments>`, places one where the script tag stands (or into `data-target`), fills
 * `data-threadline-count` elements, and fetches the widget module (`threadline.js`, next to this
 * file) only when a comment section comes near the viewport.
 */
import type { MountHandle } from './mount.ts';
import type { MountOptions, Theme } from './options.ts';

type WidgetModule = { mount(element: Element, options: MountOptions): MountHandle };

const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="embed.js"]');
const base = script?.src || location.href;
const defaultApi = () => new URL(base).origin;
let widget: Promise<WidgetModule> | undefined;

/** Loads the widget module once, from beside embed.js. */
const loadWidget = (): Promise<WidgetModule> =>
  (widget ??= import(/* @vite-ignore */ new URL('threadline.js', base).href) as Promise<WidgetModule>);

/** Attributes of the element (and `data-*` of the script tag) that become mount options. */
const ATTRIBUTES = ['api', 'thread', 'lang', 'theme', 'max-depth', 'page-size', 'lazy', 'inline', 'backend', 'post-id', 'poll'] as const;

/** `<threadline-comments api thread lang theme max-depth page-size lazy inline backend post-id poll>`: a comment section wherever it is placed. */
class ThreadlineComments extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  private handle: MountHandle | undefined;
  private observer: IntersectionObserver | undefined;
  private ticket = 0;

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
    // Inline comments show beside the article: start when its paragraphs come near, too.
    for (const block of inlineBlocks(this.getAttribute('inline'))) this.observer.observe(block);
  }

  disconnectedCallback(): void {
    this.ticket++;
    this.observer?.disconnect();
    this.observer = undefined;
    this.handle?.unmount();
    this.handle = undefined;
  }

  attributeChangedCallback(): void {
    if (this.handle) this.start();
  }

  private start(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    const ticket = ++this.ticket;
    const get = (name: string) => this.getAttribute(name) ?? undefined;
    const backend = get('backend');
    // WordPress finds its REST root on the page; only our own server defaults to embed.js's origin.
    const api = get('api') || (backend === 'wordpress' ? '' : defaultApi());
    const options: MountOptions = api ? { api } : {};
    if (backend === 'wordpress' || backend === 'static') options.backend = backend;
    if (get('post-id')) options.postId = get('post-id')!;
    if (get('poll')) options.poll = Number(get('poll'));
    const thread = get('thread');
    const lang = get('lang');
    const theme = get('theme');
    if (thread) options.thread = thread;
    if (lang) options.lang = lang;
    if (theme === 'light' || theme === 'dark' || theme === 'auto') options.theme = theme as Theme;
    if (get('max-depth')) options.maxDepth = Number(get('max-depth'));
    if (get('page-size')) options.pageSize = Number(get('page-size'));
    if (get('inline')) options.inline = get('inline')!;
    loadWidget().then(
      (m) => {
        // The element may have moved or changed while the module loaded: only the latest start wins.
        if (ticket !== this.ticket || !this.isConnected) return;
        this.handle?.unmount();
        this.handle = m.mount(this, options);
      },
      (err: unknown) => console.error('[threadline] could not load the comments widget', err),
    );
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

/** Fills every `[data-threadline-count="KEY"]` with "N comments", all in one request. */
function fillCounts(api: string): void {
  const els = [...document.querySelectorAll<HTMLElement>('[data-threadline-count]')];
  const keys = [...new Set(els.map((e) => e.dataset.threadlineCount!).filter(Boolean))].slice(0, 100);
  if (!keys.length) return;
  const url = new URL('/api/counts', api);
  for (const k of keys) url.searchParams.append('thread', k);
  (data?.backend === 'wordpress'
    ? wordPressCounts(keys)
    : fetch(url, { credentials: 'omit' }).then((r) =>
        r.ok ? (r.json() as Promise<{ counts: Record<string, number> }>) : Promise.reject(new Error(`HTTP ${r.status}`)),
      )
  )
    .then(({ counts }) => {
      for (const el of els) {
        const n = counts[el.dataset.threadlineCount!];
        if (n === undefined) continue;
        const lang = el.closest('[lang]')?.getAttribute('lang') || 'en';
        el.textContent = countLabel(n, lang);
      }
    })
    .catch((err: unknown) => console.error('[threadline] could not load comment counts', err));
}

/**
 * WordPress counts (keys are post ids): its comments of all the posts, 100 a request, counted
 * here; when that would take more requests than there are posts, one request per post reading
 * X-WP-Total instead. The REST root is `data-api` or the page's `<link rel="https://api.w.org/">`.
 */
async function wordPressCounts(ids: string[]): Promise<{ counts: Record<string, number> }> {
  const root = data?.api || document.querySelector<HTMLLinkElement>('link[rel="https://api.w.org/"]')?.href;
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

/** "1 comment" / "N comments" in the six widget languages; plural by Intl.PluralRules. */
const COUNT_WORDS: Record<string, [string, string]> = {
  en: ['comment', 'comments'],
  de: ['Kommentar', 'Kommentare'],
  es: ['comentario', 'comentarios'],
  fr: ['commentaire', 'commentaires'],
  pt: ['comentário', 'comentários'],
  ja: ['件のコメント', '件のコメント'],
};
function countLabel(n: number, lang: string): string {
  const tag = lang.toLowerCase().split('-')[0]!;
  const words = COUNT_WORDS[tag] ?? COUNT_WORDS.en!;
  const one = new Intl.PluralRules(tag in COUNT_WORDS ? tag : 'en').select(n) === 'one';
  return tag === 'ja' ? `${n}${words[0]}` : `${n.toLocaleString(lang)} ${words[one ? 0 : 1]}`;
}

const data = script?.dataset;
const onReady = (fn: () => void) =>
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', fn, { once: true }) : fn();

if (data) onReady(() => fillCounts(data.api || defaultApi()));

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
