import type { AnchorsResponse, PowChallenge, ThreadResponse } from '../protocol/types.ts';
import type { CommentsBackend } from './backend.ts';
import { openEventStream } from './event-stream.ts';
import { errorFromFailure } from './http-errors.ts';
import { readJson } from './http-reads.ts';
import type { HttpWrites } from './http-writes.ts';

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

/**
 * The threadline HTTP protocol (docs/protocol.md) over fetch. Reads are plain fetch (http-reads.ts);
 * writes go through ky in the write chunk, loaded by the first write if the widget has not
 * prefetched it yet (see write/load-write-chunk.ts).
 */
export function createHttpBackend(options: HttpBackendOptions): CommentsBackend {
  const base = new URL('/api/', options.api).href;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const read = <T>(path: string, params: [string, string][], cache?: RequestCache) => {
    const url = new URL(path, base);
    for (const [name, value] of params) url.searchParams.append(name, value);
    return readJson<T>(url.href, { timeoutMs, ...(cache ? { cache } : {}) });
  };
  let writes: Promise<HttpWrites> | null = null;
  const loadWrites = () =>
    (writes ??= import('../write/write-chunk.ts').then(
      (m) => m.createHttpWrites(base, options),
      (err: unknown) => {
        // Asked for again by the next write (the reader's retry); this one fails as a network error.
        writes = null;
        throw errorFromFailure(err);
      },
    ));
  return {
    adminApi: `${base}admin/`,
    listThread: (threadKey, page = {}) =>
      read<ThreadResponse>('comments', [
        ['thread', threadKey],
        ...(page.sort ? [['sort', page.sort]] : []),
        ...(page.limit ? [['limit', String(page.limit)]] : []),
        ...(page.cursor ? [['cursor', page.cursor]] : []),
        ...(page.filter && page.filter !== 'all' ? [['filter', page.filter]] : []),
        ...(page.anchors ?? []).map((key) => ['anchor', key]),
      ] as [string, string][]),
    listAnchors: (threadKey) => read<AnchorsResponse>('anchors', [['thread', threadKey]]),
    listAround: (threadKey, commentId) =>
      read<ThreadResponse>('comments', [
        ['thread', threadKey],
        ['around', commentId],
      ]),
    postComment: async (...args) => (await loadWrites()).postComment(...args),
    editComment: async (...args) => (await loadWrites()).editComment(...args),
    deleteComment: async (...args) => (await loadWrites()).deleteComment(...args),
    vote: async (...args) => (await loadWrites()).vote(...args),
    reportComment: async (...args) => (await loadWrites()).reportComment(...args),
    getChallenge: () => read<PowChallenge>('challenge', [], 'no-store'),
    subscribe(threadKey, version, onEvent) {
      const url = new URL('events', base);
      url.searchParams.set('thread', threadKey);
      url.searchParams.set('after', String(version));
      return openEventStream(url.href, onEvent);
    },
  };
}
