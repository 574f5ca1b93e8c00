/**
 * The threadline protocol's writes (post, edit, delete, vote, report) via ky: retries that are
 * safe because every write is idempotent, and the signed-in reader's Bearer token. Part of the write
 * chunk (widget/src/write/), loaded after the first screenful: reads go over plain fetch (http-reads.ts).
 */
import ky, { HTTPError, TimeoutError } from 'ky';
import type { Comment, CommentChangeResponse, PostCommentResponse, VoteResponse } from '../protocol/types.ts';
import type { CommentsBackend } from './backend.ts';
import { BackendError } from './backend-error.ts';
import type { HttpBackendOptions } from './http-backend.ts';
import { errorFromFailure, errorFromResponse, isOffline, offlineError } from './http-errors.ts';

/** The write methods of the HTTP backend. */
export type HttpWrites = Required<Pick<CommentsBackend, 'postComment' | 'editComment' | 'deleteComment' | 'vote' | 'reportComment'>>;

/** The writes of the threadline HTTP protocol at `base` (`…/api/`). */
export function createHttpWrites(base: string, options: HttpBackendOptions): HttpWrites {
  // Writes retry: posts carry an Idempotency-Key and edits, deletes and votes are idempotent,
  // so a repeat can never double anything. 429 is left to the reader (told how long to wait).
  const writes = ky.create({
    prefixUrl: base,
    timeout: options.timeoutMs ?? 15_000,
    credentials: 'omit',
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
  const comment = (id: string) => `comments/${encodeURIComponent(id)}`;
  return {
    postComment: (request, opts = {}) =>
      call(() =>
        writes
          .post('comments', { json: request, headers: opts.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {} })
          .json<PostCommentResponse>(),
      ),
    editComment: (id, body, token) =>
      call(
        async () =>
          (await writes.patch(comment(id), { json: { body }, headers: { 'X-Edit-Token': token } }).json<CommentChangeResponse>())
            .comment as Comment,
      ),
    deleteComment: (id, token) =>
      call(async () => (await writes.delete(comment(id), { headers: { 'X-Edit-Token': token } }).json<CommentChangeResponse>()).comment),
    vote: (id, voterId, on) =>
      call(() => writes(`${comment(id)}/vote`, { method: on ? 'put' : 'delete', headers: { 'X-Voter-Id': voterId } }).json<VoteResponse>()),
    reportComment: (id, voterId, report) =>
      call(async () => {
        await writes.post(`${comment(id)}/flags`, { json: report, headers: { 'X-Voter-Id': voterId } });
      }),
  };
}

/** Runs a request and turns every failure into a BackendError. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  if (isOffline()) throw offlineError();
  try {
    return await request();
  } catch (err) {
    if (err instanceof HTTPError) throw await errorFromResponse(err.response);
    if (err instanceof TimeoutError) throw new BackendError('timeout', 'The request timed out.');
    throw errorFromFailure(err);
  }
}
