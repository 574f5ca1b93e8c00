import { Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import type { LiveEvent } from '../../../widget/src/protocol/types.ts';
import type { VersionedEvent } from '../store/comment-store.ts';
import type { ApiContext } from './api-context.ts';
import { clientIdentity } from './client-ip.ts';
import { HttpError } from './http-error.ts';
import { checkKey } from './thread-routes.ts';

/** Events replayed at most per reconnect; a reader further behind is told to reload. */
const REPLAY_MAX = 1000;

/**
 * `GET /api/events?thread=KEY[&after=VERSION]`: the thread's changes as Server-Sent Events, each
 * with the thread version as its id. A reconnect (Last-Event-ID) replays what was missed, in
 * order and once; a gap too old to replay sends `reset`.
 */
export function eventsRoute(ctx: ApiContext): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const key = checkKey(c.req.query('thread'));
    const from = Number(c.req.header('last-event-id') ?? c.req.query('after') ?? Number.NaN);
    const slot = ctx.streams.take(clientIdentity(c, ctx.trustProxy, ctx.posting.secret).ipHash);
    if ('refused' in slot) {
      throw new HttpError(
        429,
        'rate_limited',
        slot.refused === 'per_ip' ? 'Too many live connections from your network.' : 'The server has too many live connections.',
        undefined,
        30,
      );
    }
    const release = slot.release;
    return streamSSE(c, async (stream) => {
      try {
        await serve(stream);
      } finally {
        release();
      }
    });

    async function serve(stream: SSEStreamingApi): Promise<void> {
      // Subscribe before replaying, so nothing falls between the replay and the live feed.
      const queue: VersionedEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = ctx.store.subscribe((e) => {
        if (e.thread !== key) return;
        queue.push(e);
        wake?.();
      });
      let isOpen = !ctx.closing.aborted;
      // The place is freed the moment the client goes, not at the next heartbeat.
      const end = () => {
        isOpen = false;
        unsubscribe();
        release();
        wake?.();
      };
      stream.onAbort(end);
      // The stream's own abort comes only with the next write. A client that goes sends FIN at
      // once; half-closed sockets are kept open for ordinary answers (listen.ts), so a stream
      // takes the FIN itself as the client leaving.
      const socket = (c.env as { incoming?: { socket?: NodeJS.EventEmitter } } | undefined)?.incoming?.socket;
      socket?.once('end', end);
      socket?.once('close', end);
      c.req.raw.signal.addEventListener('abort', end, { once: true });
      ctx.closing.addEventListener('abort', end, { once: true });

      const send = (version: number, event: LiveEvent) =>
        stream.writeSSE({ id: String(version), event: event.type, data: JSON.stringify(event) });
      let sent = Number.isSafeInteger(from) && from >= 0 ? from : ((await ctx.store.threadVersion(key)) ?? 0);
      await stream.write('retry: 2000\n\n');
      if (Number.isSafeInteger(from) && from >= 0) {
        const missed = await ctx.store.eventsSince(key, from, REPLAY_MAX);
        if (missed === null || missed.length === REPLAY_MAX) {
          await send(sent, { type: 'reset' });
        } else {
          for (const e of missed) {
            sent = e.version;
            await send(sent, e.event);
          }
        }
      }
      while (isOpen) {
        for (const e of queue.splice(0)) {
          if (e.version <= sent) continue;
          sent = e.version;
          await send(sent, e.event);
        }
        const timedOut = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), ctx.heartbeatSeconds * 1000);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
          if (queue.length || !isOpen) wake();
        });
        wake = undefined;
        // A comment line keeps proxies from closing an idle stream.
        if (timedOut && isOpen) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
      ctx.closing.removeEventListener('abort', end);
    }
  });
  return app;
}
