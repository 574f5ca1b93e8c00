/**
 * A signed-in moderator's view of one thread (issue 16): what the admin API says of its comments
 * (held, reported, authors' email and network for bans), and the actions, each one admin request
 * with its audit entry on the server. Published changes reach every reader by the live stream.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { AdminComment } from '../protocol/moderation.ts';
import type { Comment } from '../protocol/types.ts';
import type { Session } from '../state/session.ts';
import { createModerationApi, isModerationError, type ModerationAction, type ModerationError, moderationError } from './moderation-api.ts';

/** The state and actions of moderating in place. */
export interface ModerationModel {
  /** The thread's comments awaiting a decision (pending, or held by reports), oldest first. */
  readonly held: ReadonlySignal<AdminComment[]>;
  /** Comments with open reports, by id (published ones among them stay in the thread). */
  readonly reportsOf: (id: string) => number;
  /** The comment an action is running on. */
  readonly busy: ReadonlySignal<string | null>;
  /** Why the last action or refresh failed. */
  readonly error: ReadonlySignal<ModerationError | null>;
  /** Reloads the thread's comments from the admin API. */
  refresh(): Promise<void>;
  /** Runs one action on a comment; resolves true when the server did it. */
  act(action: ModerationAction, comment: Comment): Promise<boolean>;
  dispose(): void;
}

/** How often a moderator's widget looks for newly held comments (the stream does not carry them). */
export const HELD_POLL_MS = 30_000;

/** Moderation of the session's thread with the signed-in moderator's token. */
export function createModerationModel(session: Session, adminApi: string): ModerationModel {
  const api = createModerationApi(adminApi, () => session.identity.value?.token ?? null);
  const all = signal<AdminComment[]>([]);
  const busy = signal<string | null>(null);
  const error = signal<ModerationError | null>(null);
  const held = computed(() => all.value.filter((c) => c.status === 'pending').reverse());
  const byId = computed(() => new Map(all.value.map((c) => [c.id, c])));
  let isDisposed = false;

  async function refresh(): Promise<void> {
    try {
      const list = await api.list(session.threadKey);
      if (!isDisposed) all.value = list;
    } catch (err) {
      if (!isDisposed) error.value = isModerationError(err) ? err : moderationError('network', String(err));
    }
  }
  // A new held comment, a report threshold reached, another moderator's decision: all come by the stream.
  const stopListening = session.listen(() => void refresh());
  // Except new held comments, which no reader's stream announces: look again now and then.
  const poll = setInterval(() => void refresh(), HELD_POLL_MS);
  void refresh();

  return {
    held,
    reportsOf: (id) => byId.value.get(id)?.reports?.length ?? 0,
    busy,
    error,
    refresh,
    async act(action, comment) {
      batch(() => {
        busy.value = comment.id;
        error.value = null;
      });
      try {
        // Bans need what only moderators see (email, network): a comment newer than the list fetches it.
        if (action === 'ban' && !byId.value.has(comment.id)) await refresh();
        const known = byId.value.get(comment.id) ?? { ...comment, authorEmail: null, ipHash: null };
        await api.act(action, known);
        await refresh();
        return true;
      } catch (err) {
        error.value = isModerationError(err) ? err : moderationError('network', String(err));
        return false;
      } finally {
        busy.value = null;
      }
    },
    dispose() {
      isDisposed = true;
      stopListening();
      clearInterval(poll);
    },
  };
}
