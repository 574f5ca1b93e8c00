import ky, { HTTPError } from 'ky';
import type { AdminComment, AuditEntry, Moderator, NewModeratorResponse } from '../../widget/src/protocol/moderation.ts';
import type { ErrorResponse } from '../../widget/src/protocol/types.ts';
import type { AdminKey, AdminTranslator } from './admin-messages.ts';

export type { AdminComment, AuditEntry, Moderator };

/** One typed function per admin endpoint, on the page's own origin, with the moderator's token. */
export function createAdminApi(token: string) {
  const http = ky.create({
    prefixUrl: new URL('/api/admin/', location.origin).href,
    headers: { authorization: `Bearer ${token}` },
    retry: 0,
  });
  return {
    list: (q: { status?: string; thread?: string; before?: number }) =>
      http
        .get('comments', {
          searchParams: {
            limit: 50,
            ...(q.status ? { status: q.status } : {}),
            ...(q.thread ? { thread: q.thread } : {}),
            ...(q.before ? { before: q.before } : {}),
          },
        })
        .json<{ comments: AdminComment[]; nextBefore: number | null }>(),
    approve: (id: string) => http.post(`comments/${encodeURIComponent(id)}/approve`).json(),
    reject: (id: string) => http.post(`comments/${encodeURIComponent(id)}/reject`).json(),
    remove: (id: string) => http.delete(`comments/${encodeURIComponent(id)}`).json(),
    dismissReports: (id: string) => http.post(`comments/${encodeURIComponent(id)}/dismiss-reports`).json(),
    feature: (id: string, featured: boolean) => http.post(`comments/${encodeURIComponent(id)}/feature`, { json: { featured } }).json(),
    lock: (thread: string, locked: boolean) => http.post('threads/lock', { json: { thread, locked } }).json(),
    ban: (kind: 'ip' | 'email', value: string) => http.post('bans', { json: { kind, value, banned: true } }).json(),
    audit: (before?: number) =>
      http
        .get('audit', { searchParams: { limit: 50, ...(before ? { before } : {}) } })
        .json<{ entries: AuditEntry[]; nextBefore: number | null }>(),
    moderators: () => http.get('moderators').json<{ moderators: Moderator[] }>(),
    addModerator: (name: string) => http.post('moderators', { json: { name } }).json<NewModeratorResponse>(),
    removeModerator: (id: string) => http.delete(`moderators/${encodeURIComponent(id)}`).json(),
  };
}

/** A failed call for the moderator to read: our own words for codes we know, else the server's message. */
export async function describeError(err: unknown, tr: AdminTranslator): Promise<string> {
  if (err instanceof HTTPError) {
    const body = (await err.response.json().catch(() => null)) as ErrorResponse | null;
    const code = body?.error.code ?? '';
    if (tr.hasError(code)) return tr.t(`error.${code}` as AdminKey);
    return body?.error.message ?? `HTTP ${err.response.status}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** An outbox item as the admin API lists it (`GET /api/admin/outbox`). */
export interface OutboxItem {
  id: string;
  kind: string;
  target: string;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  createdAt: string;
  dueAt: string;
  sentAt: string | null;
  lastError: string | null;
}

/** The outbox endpoints: list (optionally one status) and retry one item now. */
export function createOutboxApi(token: string) {
  const http = ky.create({
    prefixUrl: new URL('/api/admin/outbox/', location.origin).href,
    headers: { authorization: `Bearer ${token}` },
    retry: 0,
  });
  return {
    list: (status: string) => http.get('', { searchParams: status ? { status } : {} }).json<{ items: OutboxItem[] }>(),
    retry: (id: string) => http.post(`${encodeURIComponent(id)}/retry`).json(),
  };
}
