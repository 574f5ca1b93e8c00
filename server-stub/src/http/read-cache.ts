import { createHash } from 'node:crypto';

/**
 * Answers to thread reads, kept in memory by ETag. An ETag names the thread's version and the
 * exact query, so a cached answer is never stale: any write bumps the version and changes the tag.
 */
export interface ReadCache {
  get(etag: string): string | undefined;
  set(etag: string, body: string): void;
}

/** An ETag for a read of `key` at `version` with the query parts given. */
export function readEtag(key: string, version: number, parts: readonly (string | undefined)[]): string {
  const hash = createHash('sha1')
    .update(JSON.stringify([key, version, ...parts]))
    .digest('base64url')
    .slice(0, 20);
  return `W/"${hash}"`;
}

/** A least-recently-used cache of at most `maxEntries` answers and `maxBytes` characters. */
export function createReadCache(maxEntries = 500, maxBytes = 32 * 1024 * 1024): ReadCache {
  const entries = new Map<string, string>();
  let size = 0;
  return {
    get(etag) {
      const body = entries.get(etag);
      if (body !== undefined) {
        // Re-insert to mark as recently used.
        entries.delete(etag);
        entries.set(etag, body);
      }
      return body;
    },
    set(etag, body) {
      if (maxEntries === 0 || body.length > maxBytes / 4 || entries.has(etag)) return;
      entries.set(etag, body);
      size += body.length;
      for (const [oldest, old] of entries) {
        if (entries.size <= maxEntries && size <= maxBytes) break;
        entries.delete(oldest);
        size -= old.length;
      }
    },
  };
}
