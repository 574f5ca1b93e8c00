import type { ThreadInfo } from '../../../widget/src/protocol/types.ts';
import type { CommentStore } from '../store/comment-store.ts';

const DAY_MS = 24 * 60 * 60_000;

/** Auto-closing (`THREADLINE_AUTO_CLOSE_DAYS`): threads close this many days after their first comment (0: never). */
export interface AutoClose {
  days: number;
  now(): Date;
}

/** Whether a thread is closed, why, and since when. */
export type Closing = Pick<ThreadInfo, 'locked' | 'lockReason' | 'closedAt'>;

/**
 * How a thread stands: a moderator's lock wins; otherwise it closes itself `days` after its first
 * comment, unless a moderator reopened it (old open threads draw most spam, so closing is the default
 * once configured, and reopening is a decision someone made).
 */
export async function closingOf(store: CommentStore, autoClose: AutoClose, key: string): Promise<Closing> {
  const state = await store.threadClosing(key);
  if (!state) return {};
  if (state.locked) return { locked: true, lockReason: 'moderator', ...(state.lockedAt ? { closedAt: state.lockedAt } : {}) };
  if (autoClose.days <= 0 || state.reopened) return {};
  const closesAt = Date.parse(state.createdAt) + autoClose.days * DAY_MS;
  if (autoClose.now().getTime() < closesAt) return {};
  return { locked: true, lockReason: 'auto', closedAt: new Date(closesAt).toISOString() };
}
