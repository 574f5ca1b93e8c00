/**
 * Reads (thread pages, anchors, challenges) over plain fetch, so the first screenful does not wait
 * for ky: ky (retries with an idempotency key, the Bearer hook) is needed by writes only and
 * comes with them in the write chunk (http-writes.ts). Reads keep what ky gave them: a timeout per
 * attempt, two retries on a network error or a busy server, Retry-After honoured, an `Accept` header.
 * ETags need nothing here: the browser revalidates cached reads with If-None-Match itself.
 */
import { BackendError } from './backend-error.ts';
import { errorFromFailure, errorFromResponse, isOffline, offlineError } from './http-errors.ts';

/** How one read is made. */
export interface ReadOptions {
  /** Milliseconds before one attempt counts as failed (it is then not retried: the reader has waited long enough). */
  timeoutMs: number;
  /** Attempts after the first. Default 2. */
  retries?: number;
  /** The fetch cache mode, e.g. `no-store` for a one-time challenge. Default: the browser's. */
  cache?: RequestCache;
}

/** Statuses worth another try (ky's defaults but 413, which a retry cannot fix). */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
/** Statuses whose Retry-After says when to try again. */
const RETRY_AFTER_STATUSES = [429, 503];

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 0.3 s, then 0.6 s (ky's backoff); the server's Retry-After instead, where it gave one. */
function retryDelay(response: Response | null, attempt: number): number {
  const after = response && RETRY_AFTER_STATUSES.includes(response.status) ? Number(response.headers.get('retry-after')) : NaN;
  return after >= 0 ? after * 1000 : 300 * 2 ** attempt;
}

/** GETs `url` and resolves with its JSON; rejects with a BackendError only. */
export async function readJson<T>(url: string, { timeoutMs, retries = 2, cache }: ReadOptions): Promise<T> {
  if (isOffline()) throw offlineError();
  for (let attempt = 0; ; attempt++) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    let response: Response | null = null;
    try {
      response = await fetch(url, {
        credentials: 'omit',
        headers: { accept: 'application/json' },
        signal: abort.signal,
        ...(cache ? { cache } : {}),
      });
      if (response.ok) return (await response.json()) as T;
    } catch (err) {
      if (abort.signal.aborted) throw new BackendError('timeout', 'The request timed out.');
      // An answer that is not JSON does not get better by asking again.
      if (response?.ok || attempt >= retries) throw errorFromFailure(err);
    } finally {
      clearTimeout(timer);
    }
    if (response && (attempt >= retries || !RETRY_STATUSES.includes(response.status))) throw await errorFromResponse(response);
    await wait(retryDelay(response, attempt));
  }
}
