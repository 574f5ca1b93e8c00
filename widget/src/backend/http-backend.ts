import ky, { HTTPError, TimeoutError } from 'ky';
import type { Comment, ErrorResponse, PostCommentResponse, ThreadResponse } from '../protocol/types.ts';
import type { CommentsBackend } from './backend.ts';
import { BackendError } from './backend-error.ts';

/** Options of the threadline HTTP backend. */
export interface HttpBackendOptions {
  /** Base URL of the API, e.g. `https://comments.example.com`. */
  api: string;
  /** Milliseconds before a request counts as failed. Default 15000. */
  timeoutMs?: number;
}

/** The threadline HTTP protocol (docs/protocol.md) over fetch, via ky. */
export function createHttpBackend(options: HttpBackendOptions): CommentsBackend {
  const http = ky.create({
    prefixUrl: new URL('/api/', options.api).href,
    timeout: options.timeoutMs ?? 15_000,
    credentials: 'omit',
    // Reads are safe to repeat; posts are not (until idempotency keys exist), so they never retry.
    retry: { limit: 2, methods: ['get'] },
  });

  return {
    listThread: (threadKey, page = {}) =>
      call(() =>
        http
          .get('comments', {
            searchParams: {
              thread: threadKey,
              ...(page.sort ? { sort: page.sort } : {}),
              ...(page.limit ? { limit: page.limit } : {}),
              ...(page.cursor ? { cursor: page.cursor } : {}),
            },
          })
          .json<ThreadResponse>(),
      ),
    listAround: (threadKey, commentId) =>
      call(() => http.get('comments', { searchParams: { thread: threadKey, around: commentId } }).json<ThreadResponse>()),
    postComment: (request) =>
      call(async () => (await http.post('comments', { json: request }).json<PostCommentResponse>()).comment as Comment),
  };
}

/** Runs a request and turns every failure into a BackendError. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (err) {
    throw await toBackendError(err);
  }
}

async function toBackendError(err: unknown): Promise<BackendError> {
  if (err instanceof HTTPError) {
    const { status } = err.response;
    const body = (await err.response.json().catch(() => null)) as Partial<ErrorResponse> | null;
    const e = body?.error;
    if (e && typeof e.code === 'string' && typeof e.message === 'string') {
      return new BackendError(e.code, e.message, status, e.field);
    }
    return new BackendError(status >= 500 ? 'server_error' : 'bad_response', `HTTP ${status}`, status);
  }
  if (err instanceof TimeoutError) return new BackendError('timeout', 'The request timed out.');
  if (err instanceof SyntaxError) return new BackendError('bad_response', 'The server sent something that is not JSON.');
  // fetch rejects with a TypeError when the server cannot be reached (offline, refused, CORS).
  return new BackendError('network', err instanceof Error ? err.message : String(err));
}
