/**
 * How a failed HTTP request becomes a BackendError, shared by the reads (http-reads.ts, plain
 * fetch) and the writes (http-writes.ts, ky), so a reader sees the same message for the same failure.
 */
import type { ErrorResponse } from '../protocol/types.ts';
import { BackendError } from './backend-error.ts';

/** The BackendError of an answer that is not 2xx: the server's `{error:{code,message,field?}}`, else its status. */
export async function errorFromResponse(response: Response): Promise<BackendError> {
  const { status } = response;
  const body = (await response.json().catch(() => null)) as Partial<ErrorResponse> | null;
  const e = body?.error;
  const retryAfter = Number(response.headers.get('retry-after')) || undefined;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    return new BackendError(e.code, e.message, status, e.field, retryAfter);
  }
  return new BackendError(status >= 500 ? 'server_error' : 'bad_response', `HTTP ${status}`, status, undefined, retryAfter);
}

/** The BackendError of a request that got no usable answer: not JSON, offline, or unreachable. */
export function errorFromFailure(err: unknown): BackendError {
  if (err instanceof BackendError) return err;
  if (err instanceof SyntaxError) return new BackendError('bad_response', 'The server sent something that is not JSON.');
  // fetch rejects with a TypeError when the server cannot be reached (offline, refused, CORS).
  if (isOffline()) return offlineError();
  return new BackendError('network', err instanceof Error ? err.message : String(err));
}

/** True when the browser says it has no network. */
export const isOffline = (): boolean => globalThis.navigator?.onLine === false;

/** The error of a request not even tried: the browser is offline. */
export const offlineError = (): BackendError => new BackendError('offline', 'The browser is offline.');
