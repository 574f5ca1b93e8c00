import ky, { HTTPError, TimeoutError } from 'ky';
import type {
  AnchorsResponse,
  Comment,
  CommentChangeResponse,
  ErrorResponse,
  PostCommentResponse,
  PowChallenge,
  ThreadResponse,
  VoteResponse,
} from '../protocol/types.ts';
import type { CommentsBackend } from './backend.ts';
import { BackendError } from './backend-error.ts';
import { openEventStream } from './event-stream.ts';

/** Options of the threadline HTTP backend. */
export interface HttpBackendOptions {
  /** Base URL of the API, e.g. `https://comments.example.com`. */
  api: string;
  /** Milliseconds before one attempt counts as failed. Default 15000. */
  timeoutMs?: number;
  /** Attempts after the first for writes that failed on the network or with a 5xx. Default 4 (about 4.5 s of backoff). */
  retries?: number;
  /** The signed-in reader's token, sent as `Authorization: Bearer` with every write (never with reads, which stay cacheable). Default: none. */
  token?: () => string | null;
  /** Called when the server refuses that token (401 to a write that carried it): expired early, or signed with a key it no longer has. */
  onTokenRejected?: () => void;
}

/** The threadline HTTP protocol (docs/protocol.md) over fetch, via ky. */
export function createHttpBackend(options: HttpBackendOptions): CommentsBackend {
  const base = new URL('/api/', options.api).href;
  const http = ky.create({
    prefixUrl: base,
    timeout: options.timeoutMs ?? 15_000,
    credentials: 'omit',
    retry: { limit: 2, methods: ['get'] },
  });
  // Writes retry too: posts carry an Idempotency-Key and edits, deletes and votes are idempotent,
  // so a repeat can never double anything. 429 is left to the reader (told how long to wait).
  const writes = http.extend({
    retry: {
      limit: options.retries ?? 4,
      methods: ['post', 'patch', 'put', 'delete'],
      statusCodes: [408, 500, 502, 503, 504],
      retryOnTimeout: true,
      backoffLimit: 5_000,
    },
    hooks: {
      beforeRequest: [
        (request) => {
          const token = options.token?.();
          if (token) request.headers.set('Authorization', `Bearer ${token}`);
        },
      ],
      afterResponse: [
        (request, _options, response) => {
          // With a token sent, a 401 can only be invalid_token: a valid token passes every sign-in check.
          if (response.status === 401 && request.headers.has('Authorization')) options.onTokenRejected?.();
        },
      ],
    },
  });

  return {
    adminApi: `${base}admin/`,
    listThread: (threadKey, page = {}) =>
      call(() =>
        http
          .get('comments', {
            searchParams: [
              ['thread', threadKey],
              ...(page.sort ? [['sort', page.sort]] : []),
              ...(page.limit ? [['limit', String(page.limit)]] : []),
              ...(page.cursor ? [['cursor', page.cursor]] : []),
              ...(page.filter && page.filter !== 'all' ? [['filter', page.filter]] : []),
              ...(page.anchors ?? []).map((key) => ['anchor', key]),
            ] as [string, string][],
          })
          .json<ThreadResponse>(),
      ),
    listAnchors: (threadKey) => call(() => http.get('anchors', { searchParams: { thread: threadKey } }).json<AnchorsResponse>()),
    listAround: (threadKey, commentId) =>
      call(() => http.get('comments', { searchParams: { thread: threadKey, around: commentId } }).json<ThreadResponse>()),
    postComment: (request, opts = {}) =>
      call(() =>
        writes
          .post('comments', { json: request, headers: opts.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {} })
          .json<PostCommentResponse>(),
      ),
    editComment: (id, body, token) =>
      call(
        async () =>
          (
            await writes
              .patch(`comments/${encodeURIComponent(id)}`, { json: { body }, headers: { 'X-Edit-Token': token } })
              .json<CommentChangeResponse>()
          ).comment as Comment,
      ),
    deleteComment: (id, token) =>
      call(
        async () =>
          (await writes.delete(`comments/${encodeURIComponent(id)}`, { headers: { 'X-Edit-Token': token } }).json<CommentChangeResponse>())
            .comment,
      ),
    vote: (id, voterId, on) =>
      call(() =>
        writes(`comments/${encodeURIComponent(id)}/vote`, {
          method: on ? 'put' : 'delete',
          headers: { 'X-Voter-Id': voterId },
        }).json<VoteResponse>(),
      ),
    reportComment: (id, voterId, report) =>
      call(async () => {
        await writes.post(`comments/${encodeURIComponent(id)}/flags`, { json: report, headers: { 'X-Voter-Id': voterId } });
      }),
    getChallenge: () => call(() => http.get('challenge', { cache: 'no-store' }).json<PowChallenge>()),
    subscribe(threadKey, version, onEvent) {
      const url = new URL('events', base);
      url.searchParams.set('thread', threadKey);
      url.searchParams.set('after', String(version));
      return openEventStream(url.href, onEvent);
    },
  };
}

/** Runs a request and turns every failure into a BackendError. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  if (globalThis.navigator?.onLine === false) throw new BackendError('offline', 'The browser is offline.');
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
    const retryAfter = Number(err.response.headers.get('retry-after')) || undefined;
    if (e && typeof e.code === 'string' && typeof e.message === 'string') {
      return new BackendError(e.code, e.message, status, e.field, retryAfter);
    }
    return new BackendError(status >= 500 ? 'server_error' : 'bad_response', `HTTP ${status}`, status, undefined, retryAfter);
  }
  if (err instanceof TimeoutError) return new BackendError('timeout', 'The request timed out.');
  if (err instanceof SyntaxError) return new BackendError('bad_response', 'The server sent something that is not JSON.');
  // fetch rejects with a TypeError when the server cannot be reached (offline, refused, CORS).
  if (globalThis.navigator?.onLine === false) return new BackendError('offline', 'The browser is offline.');
  return new BackendError('network', err instanceof Error ? err.message : String(err));
}
