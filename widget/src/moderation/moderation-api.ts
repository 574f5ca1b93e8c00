import type { AdminComment } from '../protocol/moderation.ts';

/** What a moderator does to one comment in place; each is one admin request and one audit entry. */
export type ModerationAction = 'approve' | 'reject' | 'feature' | 'unfeature' | 'delete' | 'ban';

/** A refused or failed admin request: the server's code (`unauthorized`, `comment_not_found`…), or `network`. */
export interface ModerationError extends Error {
  readonly code: string;
}

/** A ModerationError. (Not a class: a parameter property would pull a helper into a chunk shared with every reader.) */
export const moderationError = (code: string, message: string): ModerationError => Object.assign(new Error(message), { code });

/** True for a ModerationError. */
export const isModerationError = (err: unknown): err is ModerationError =>
  err instanceof Error && typeof (err as { code?: unknown }).code === 'string';

/** One typed function per admin endpoint the widget uses, with the signed-in moderator's token. */
export function createModerationApi(base: string, token: () => string | null) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, base), {
        method,
        credentials: 'omit',
        headers: { authorization: `Bearer ${token() ?? ''}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (err) {
      throw moderationError('network', err instanceof Error ? err.message : String(err));
    }
    const json = (await res.json().catch(() => null)) as (T & { error?: { code: string; message: string } }) | null;
    if (!res.ok) throw moderationError(json?.error?.code ?? `http_${res.status}`, json?.error?.message ?? `HTTP ${res.status}`);
    return json as T;
  }
  const at = (id: string) => `comments/${encodeURIComponent(id)}`;
  return {
    /** Every comment of the thread as moderators see it (held, reported and published), newest first. */
    list: (thread: string) =>
      call<{ comments: AdminComment[] }>('GET', `comments?${new URLSearchParams({ thread, limit: '200' })}`).then((r) => r.comments),
    /** Runs one action on a comment (a ban bans its author's email, else their network). */
    act(action: ModerationAction, c: AdminComment): Promise<unknown> {
      if (action === 'approve') return call('POST', `${at(c.id)}/approve`);
      if (action === 'reject') return call('POST', `${at(c.id)}/reject`);
      if (action === 'delete') return call('DELETE', at(c.id));
      if (action === 'ban')
        return call(
          'POST',
          'bans',
          c.authorEmail ? { kind: 'email', value: c.authorEmail, banned: true } : { kind: 'ip', value: c.ipHash, banned: true },
        );
      return call('POST', `${at(c.id)}/feature`, { featured: action === 'feature' });
    },
  };
}
/** The widget's moderators' API. */
export type ModerationApi = ReturnType<typeof createModerationApi>;
