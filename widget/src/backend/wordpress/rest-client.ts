import { BackendError } from '../backend-error.ts';
import { toBackendError, type WordPressError } from './errors.ts';

/** A list answer with WordPress's paging headers. */
export interface WordPressPage<T> {
  items: T[];
  /** `X-WP-Total`: items in the whole collection. */
  total: number;
  /** `X-WP-TotalPages`. */
  totalPages: number;
}

/** Query parameters; arrays are sent comma-separated, as WordPress reads id lists. */
export type Query = Record<string, string | number | readonly (string | number)[] | undefined>;

/** One typed call per verb against a WordPress REST root. Rejects with BackendError only. */
export interface RestClient {
  list<T>(route: string, query: Query): Promise<WordPressPage<T>>;
  get<T>(route: string, query?: Query, method?: 'GET' | 'OPTIONS'): Promise<T>;
  post<T>(route: string, body: Record<string, unknown>): Promise<T>;
}

/** Options of the REST client. */
export interface RestClientOptions {
  /** Milliseconds before a request counts as failed. Default 30000 (WordPress answers one request at a time per PHP worker, and shared hosts have few). */
  timeoutMs?: number;
  /** For tests; default the global fetch. */
  fetch?: typeof fetch;
}

/**
 * The URL of `route` under a REST root. Sites without pretty permalinks announce a root of
 * `…/index.php?rest_route=/`, where the route goes into that parameter instead of the path.
 */
export function restUrl(root: string, route: string, query: Query = {}): string {
  const url = new URL(root);
  if (url.searchParams.has('rest_route')) url.searchParams.set('rest_route', `/${route}`);
  else url.pathname = `${url.pathname.replace(/\/?$/, '/')}${route}`;
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return url.href;
}

/** Creates a REST client for the root (e.g. `https://news.example/wp-json/`). */
export function createRestClient(root: string, options: RestClientOptions = {}): RestClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  async function send(method: string, url: string, body?: Record<string, unknown>): Promise<Response> {
    if (globalThis.navigator?.onLine === false) throw new BackendError('offline', 'The browser is offline.');
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const res = await (options.fetch ?? fetch)(url, {
        method,
        credentials: 'omit',
        signal: abort.signal,
        ...(body ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
      });
      if (!res.ok) throw toBackendError(res.status, (await res.json().catch(() => null)) as WordPressError | null, body);
      return res;
    } catch (err) {
      if (err instanceof BackendError) throw err;
      if (abort.signal.aborted) throw new BackendError('timeout', 'WordPress took too long to answer.');
      throw new BackendError('network', err instanceof Error ? err.message : String(err));
    } finally {
      clearTimeout(timer);
    }
  }
  const json = async <T>(res: Response): Promise<T> => {
    try {
      return (await res.json()) as T;
    } catch {
      throw new BackendError('bad_response', 'WordPress sent something that is not JSON.');
    }
  };
  return {
    async list<T>(route: string, query: Query) {
      const res = await send('GET', restUrl(root, route, query));
      const items = await json<T[]>(res);
      if (!Array.isArray(items)) throw new BackendError('bad_response', 'WordPress sent no list.');
      const total = Number(res.headers.get('X-WP-Total'));
      const totalPages = Number(res.headers.get('X-WP-TotalPages'));
      return { items, total: Number.isFinite(total) ? total : items.length, totalPages: totalPages || 1 };
    },
    get: async <T>(route: string, query: Query = {}, method: 'GET' | 'OPTIONS' = 'GET') =>
      json<T>(await send(method, restUrl(root, route, query))),
    post: async <T>(route: string, body: Record<string, unknown>) => json<T>(await send('POST', restUrl(root, route), body)),
  };
}
