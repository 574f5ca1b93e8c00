import { storage } from './storage.ts';

/** What is kept of a form the reader has not sent yet. */
export interface Draft {
  body: string;
  /** The Idempotency-Key of the last attempt at sending exactly this body, to reuse on retry. */
  attempt?: { key: string; body: string };
}

const keyOf = (thread: string, parentId: string | null) => `draft:${thread}:${parentId ?? ''}`;

/** Drafts per thread and parent, in localStorage: they survive a reload, a crash or a failed post. */
export const drafts = {
  load(thread: string, parentId: string | null): Draft | null {
    try {
      const d = JSON.parse(storage.get(keyOf(thread, parentId)) ?? 'null') as Draft | null;
      return d && typeof d.body === 'string' ? d : null;
    } catch {
      return null;
    }
  },
  save(thread: string, parentId: string | null, draft: Draft): void {
    storage.set(keyOf(thread, parentId), draft.body || draft.attempt ? JSON.stringify(draft) : null);
  },
  /** Cleared only once the server has the comment. */
  clear(thread: string, parentId: string | null): void {
    storage.set(keyOf(thread, parentId), null);
  },
};
