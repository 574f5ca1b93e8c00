import { Hono } from 'hono';
import { listOutbox, outboxRow, retryItem } from '../outbox/outbox-queue.ts';
import type { OutboxRow, OutboxStatus } from '../outbox/outbox-steps.ts';
import type { ApiContext } from './api-context.ts';
import { HttpError } from './http-error.ts';

const STATUSES: readonly OutboxStatus[] = ['pending', 'sent', 'failed', 'skipped'];

/** An outbox item as moderators see it (`GET /api/admin/outbox`). */
export interface OutboxItemView {
  id: string;
  kind: OutboxRow['kind'];
  /** The address or URL it goes to. */
  target: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  /** When the next attempt is due (pending). */
  dueAt: string;
  sentAt: string | null;
  /** Why the last attempt failed, or why it was skipped. */
  lastError: string | null;
}

const view = (r: OutboxRow): OutboxItemView => ({
  id: r.id,
  kind: r.kind,
  target: r.target,
  status: r.status,
  attempts: Number(r.attempts),
  createdAt: r.created_at,
  dueAt: r.due_at,
  sentAt: r.sent_at,
  lastError: r.last_error,
});

/** The outbox under `/api/admin/outbox` (mounted behind the admin token): list, and retry one item now. */
export function outboxAdminRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const status = c.req.query('status') as OutboxStatus | undefined;
    if (status && !STATUSES.includes(status))
      throw new HttpError(400, 'validation_failed', `status must be one of ${STATUSES.join(', ')}.`, 'status');
    const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 100) || 100));
    const rows = await ctx.store.runRule(listOutbox(status ?? null, limit));
    return c.json({ items: rows.map(view) });
  });
  app.post('/:id/retry', async (c) => {
    const id = c.req.param('id');
    if (!(await ctx.store.runRule(retryItem(id, ctx.posting.now())))) {
      const known = await ctx.store.runRule(outboxRow(id));
      if (!known) throw new HttpError(404, 'not_found', 'No such outbox item.');
      throw new HttpError(409, 'validation_failed', `That item was ${known.status}; there is nothing to retry.`);
    }
    return c.json({ item: view((await ctx.store.runRule(outboxRow(id)))!) });
  });
  return app;
}
