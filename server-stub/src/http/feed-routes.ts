import { type Context, Hono } from 'hono';
import type { Comment } from '../../../widget/src/protocol/types.ts';
import { atomFeed } from '../domain/atom.ts';
import { requireAdmin } from './admin-auth.ts';
import type { ApiContext } from './api-context.ts';
import { checkKey } from './thread-routes.ts';

const ENTRIES = 50;

/** Atom feeds: `/api/feeds/thread.atom?thread=KEY`, `/api/feeds/recent.atom`, and `/api/feeds/pending.atom` (admin token). */
export function feedRoutes(ctx: ApiContext, adminToken: string | undefined): Hono {
  const { store } = ctx;
  const app = new Hono();
  const send = async (c: Context, title: string, comments: Comment[], cacheControl = 'public, max-age=60') => {
    // Each thread's page URL once per feed request (a thread may learn its URL at any time).
    const urls = new Map<string, string | null>();
    for (const key of new Set(comments.map((cm) => cm.thread))) urls.set(key, (await store.getThread(key))?.url ?? null);
    const links = new Map(comments.map((cm) => [cm.id, urls.get(cm.thread) ? `${urls.get(cm.thread)}#comment-${cm.id}` : null]));
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    c.header('Cache-Control', cacheControl);
    // Links come from the configured public URL: a forged Host header must not reach a shared cache.
    const url = new URL(c.req.url);
    return c.body(
      atomFeed(
        {
          id: `tag:threadline,2024:${c.req.path}${c.req.query('thread') ?? ''}`,
          title,
          self: `${ctx.publicUrl}${url.pathname}${url.search}`,
          linkOf: (cm) => links.get(cm.id) ?? null,
        },
        comments,
        ctx.posting.now(),
      ),
    );
  };

  app.get('/thread.atom', async (c) => {
    const key = checkKey(c.req.query('thread'));
    const thread = await store.getThread(key);
    const { comments } = await store.listForAdmin({ status: 'published', thread: key, limit: ENTRIES });
    return send(c, `Comments on ${thread?.title ?? key}`, comments.map(publicView));
  });
  app.get('/recent.atom', async (c) => {
    const { comments } = await store.listForAdmin({ status: 'published', limit: ENTRIES });
    return send(c, 'Recent comments', comments.map(publicView));
  });
  app.get('/pending.atom', requireAdmin(adminToken, true), async (c) => {
    const { comments } = await store.listForAdmin({ status: 'pending', limit: ENTRIES });
    return send(c, 'Comments waiting for approval', comments.map(publicView), 'private, no-store');
  });
  return app;
}

/** Feeds carry what readers may see: never the email or the IP hash. */
const publicView = ({ authorEmail: _e, ipHash: _i, ...c }: Comment & { authorEmail?: unknown; ipHash?: unknown }): Comment => c;
