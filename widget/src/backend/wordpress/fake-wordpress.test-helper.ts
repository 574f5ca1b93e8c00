import type { WordPressComment } from './comments.ts';

/** What a test can switch on the fake site. */
export interface FakeWordPressSettings {
  /** The threadline plugin: comment meta `threadline_anchor` registered. */
  hasPlugin: boolean;
  /** New comments from visitors are held (WordPress's default for first-time commenters). */
  holdNew: boolean;
  /** The next POSTs store the comment but never answer (the reader's request times out). */
  swallowPosts: number;
  /** A refusal to answer the next POST with. */
  refuseNext: { status: number; code: string; message: string; data?: Record<string, unknown> } | null;
}

/**
 * A tiny in-process WordPress REST API (wp/v2/comments only) behind a `fetch`: enough to test the
 * adapter's paging, posting, duplicates, held comments and refusals without a real site.
 */
export function createFakeWordPress(root = 'https://news.example/wp-json/') {
  const comments: (WordPressComment & { author_email: string })[] = [];
  const settings: FakeWordPressSettings = { hasPlugin: true, holdNew: false, swallowPosts: 0, refuseNext: null };
  const requests: string[] = [];
  let nextId = 1;
  let clock = Date.parse('2024-05-01T12:00:00Z');

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  const visible = (c: WordPressComment) => c.status === 'approved';
  const shape = (c: WordPressComment & { author_email: string }): WordPressComment => {
    const { author_email: _email, ...rest } = c;
    return { ...rest, meta: settings.hasPlugin ? { threadline_anchor: (c.meta as Record<string, string>)?.threadline_anchor ?? '' } : [] };
  };

  /** Adds a comment as if posted earlier; returns its id. */
  function add(c: Partial<WordPressComment> & { author_email?: string; text?: string; anchor?: string }): number {
    const id = nextId++;
    clock += 60_000;
    comments.push({
      id,
      post: c.post ?? 42,
      parent: c.parent ?? 0,
      author_name: c.author_name ?? `Reader ${id}`,
      author_email: c.author_email ?? `reader${id}@example.com`,
      author_url: c.author_url ?? '',
      date_gmt: new Date(clock).toISOString().slice(0, 19),
      content: { rendered: `<p>${c.text ?? `Comment ${id}`}</p>\n` },
      status: c.status ?? 'approved',
      meta: { threadline_anchor: c.anchor ?? '' },
    });
    return id;
  }

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    requests.push(`${method} ${url.pathname}${url.search}`);
    if (!url.href.startsWith(`${root}wp/v2/comments`)) return json(404, { code: 'rest_no_route', message: 'No route.' });
    if (method === 'OPTIONS') {
      return json(200, {
        schema: { properties: { meta: { properties: settings.hasPlugin ? { threadline_anchor: { type: 'string' } } : {} } } },
      });
    }
    if (method === 'POST') {
      const body = JSON.parse(String(init.body)) as Record<string, string | number>;
      if (settings.refuseNext) {
        const { status, code, message, data } = settings.refuseNext;
        settings.refuseNext = null;
        return json(status, { code, message, data: { status, ...data } });
      }
      const dup = comments.find(
        (c) => c.post === body.post && c.author_email === body.author_email && c.content.rendered.includes(String(body.content)),
      );
      if (dup)
        return json(409, {
          code: 'comment_duplicate',
          message: 'Duplicate comment detected; it looks as though you&#8217;ve already said that!',
        });
      const id = add({
        post: Number(body.post),
        parent: Number(body.parent),
        author_name: String(body.author_name),
        author_email: String(body.author_email),
        text: String(body.content),
        status: settings.holdNew ? 'hold' : 'approved',
        ...(settings.hasPlugin && typeof body.threadline_anchor === 'string' ? { anchor: body.threadline_anchor } : {}),
      });
      if (settings.swallowPosts > 0) {
        settings.swallowPosts--;
        // Stored, but the answer never comes: the client's timeout aborts the request.
        return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      }
      return json(201, shape(comments.find((c) => c.id === id)!));
    }
    const q = url.searchParams;
    let list = comments.filter((c) => visible(c) && String(c.post) === q.get('post'));
    const search = q.get('search');
    if (search)
      list = list.filter((c) => c.author_email.includes(search) || c.author_name.includes(search) || c.content.rendered.includes(search));
    if (q.get('order') === 'desc') list = [...list].reverse();
    const perPage = Number(q.get('per_page') ?? 10);
    const page = Number(q.get('page') ?? 1);
    const pages = Math.max(1, Math.ceil(list.length / perPage));
    return json(200, list.slice((page - 1) * perPage, page * perPage).map(shape), {
      'X-WP-Total': String(list.length),
      'X-WP-TotalPages': String(pages),
    });
  };
  return { root, fetch: fetch as typeof globalThis.fetch, comments, settings, requests, add };
}
