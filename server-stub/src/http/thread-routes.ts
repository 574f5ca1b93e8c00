import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../../../widget/src/protocol/limits.ts';
import type { AnchorsResponse } from '../../../widget/src/protocol/types.ts';
import { hasControlCharacters } from '../domain/clean-text.ts';
import { closingOf } from '../domain/closing.ts';
import { parsePageQuery } from '../domain/paging.ts';
import { createComment } from '../domain/posting.ts';
import { countThreads, readAround, readThread } from '../domain/reading.ts';
import { parseHeaderToken, parseNewComment } from '../domain/validation.ts';
import type { ApiContext } from './api-context.ts';
import { writerOf } from './client-ip.ts';
import { HttpError } from './http-error.ts';
import { readEtag } from './read-cache.ts';
import { readJsonBody } from './read-json.ts';
import { readerOf } from './reader-identity.ts';

/** Checks a thread key from a query string. */
export function checkKey(key: string | undefined): string {
  const k = key?.trim();
  if (!k) throw new HttpError(400, 'thread_required', 'Say which thread to read (?thread=KEY).', 'thread');
  if (k.length > LIMITS.threadKeyChars) throw new HttpError(400, 'validation_failed', 'Thread key is too long.', 'thread');
  if (hasControlCharacters(k))
    throw new HttpError(400, 'validation_failed', 'Thread key contains control or invalid characters.', 'thread');
  return k;
}

/** A 405 naming the methods a path does take. */
export const methodNotAllowed = (allow: string) => (c: Context) => {
  c.header('Allow', allow);
  throw new HttpError(405, 'method_not_allowed', `${c.req.method} is not supported here; use ${allow.replace(', OPTIONS', '')}.`);
};

/** The request body limit, checked while reading (also for bodies without a length). */
export const limitBody = bodyLimit({
  maxSize: LIMITS.requestBytes,
  onError: () => {
    throw new HttpError(413, 'payload_too_large', `The request is larger than ${LIMITS.requestBytes / 1024} KB.`);
  },
});

/**
 * Answers a read of a thread from its version: 304 for a matching If-None-Match, else from the
 * memory cache, else from `produce`. Browsers revalidate every time (no-cache); an unchanged
 * thread costs one indexed lookup.
 */
async function cachedRead(
  c: Context,
  ctx: ApiContext,
  key: string,
  parts: readonly (string | undefined)[],
  produce: (version: number | null) => Promise<unknown>,
): Promise<Response> {
  c.header('Cache-Control', 'no-cache');
  const version = await ctx.store.threadVersion(key);
  const etag = readEtag(key, version ?? -1, parts);
  c.header('ETag', etag);
  if (
    c.req
      .header('if-none-match')
      ?.split(/\s*,\s*/)
      .includes(etag)
  )
    return c.body(null, 304);
  let body = ctx.readCache.get(etag);
  if (body === undefined) {
    body = JSON.stringify(await produce(version));
    ctx.readCache.set(etag, body);
  }
  c.header('Content-Type', 'application/json; charset=UTF-8');
  return c.body(body);
}

/** `GET /api/comments` (pages and permalinks) and `POST /api/comments`. */
export function threadRoutes(ctx: ApiContext): Hono {
  const { store } = ctx;
  const app = new Hono();

  app.get('/', async (c) => {
    const key = checkKey(c.req.query('thread'));
    const around = c.req.query('around');
    const query = around
      ? null
      : parsePageQuery({
          sort: c.req.query('sort'),
          limit: c.req.query('limit'),
          cursor: c.req.query('cursor'),
          filter: c.req.query('filter'),
          anchors: c.req.queries('anchor'),
        });
    const { autoClose } = ctx.posting;
    // Auto-closing happens as time passes, not by a write: the version alone cannot tell a cached read is stale.
    const closed = autoClose.days > 0 ? (await closingOf(store, autoClose, key)).lockReason : undefined;
    return cachedRead(
      c,
      ctx,
      key,
      [around, query?.sort, String(query?.limit), c.req.query('cursor'), query?.filter, query?.anchors?.join(','), closed],
      async () => ({
        ...(await (around ? readAround(store, key, around, autoClose) : readThread(store, key, query!, autoClose))),
        features: ctx.features,
      }),
    );
  });

  app.post('/', limitBody, async (c) => {
    const idempotencyKey = parseHeaderToken(c.req.header('idempotency-key'), 'Idempotency-Key');
    const reader = await readerOf(c, ctx);
    const input = parseNewComment(await readJsonBody(c));
    // Trust (THREADLINE_TRUST_AFTER) counts only an email the sign-in provider confirmed, never a typed one.
    const who = { ...writerOf(c, ctx.trustProxy, ctx.posting.secret), confirmedEmail: reader?.email };
    const { replayed, ...answer } = await createComment(store, ctx.posting, input, who, idempotencyKey, reader);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(answer, 201);
  });

  app.all('/', methodNotAllowed('GET, POST, OPTIONS'));
  return app;
}

/** `GET /api/counts?thread=a&thread=b`: comment counts for index pages, in one request. */
export function countsRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const keys = [...new Set(c.req.queries('thread') ?? [])].map(checkKey);
    if (keys.length === 0) throw new HttpError(400, 'thread_required', 'Say which threads to count (?thread=A&thread=B).', 'thread');
    if (keys.length > LIMITS.countsMax) {
      throw new HttpError(400, 'validation_failed', `At most ${LIMITS.countsMax} threads per request.`, 'thread');
    }
    c.header('Cache-Control', 'public, max-age=30');
    return c.json(await countThreads(ctx.store, keys));
  });
  app.all('/', methodNotAllowed('GET, OPTIONS'));
  return app;
}

/** `GET /api/anchors?thread=KEY`: the passages of a thread with comments, and how many (inline markers). */
export function anchorsRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const key = checkKey(c.req.query('thread'));
    return cachedRead(
      c,
      ctx,
      key,
      ['anchors'],
      async (version): Promise<AnchorsResponse> => ({
        thread: key,
        anchors: version === null ? [] : await ctx.store.listAnchors(key),
      }),
    );
  });
  app.all('/', methodNotAllowed('GET, OPTIONS'));
  return app;
}
