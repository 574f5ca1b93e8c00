import type { SkipReason } from './import-records.ts';

/** What an import did, with every comment of the source accounted for. */
export interface ImportReport {
  /** Threads the source's comments went to (published posts and pages, Disqus threads). */
  threads: number;
  /** Comments stored, in any state. */
  comments: number;
  /** Of those, held for moderation because their post is password-protected. */
  held: number;
  /** Of those, pending as they were in the source. */
  pending: number;
  /** Of those, deleted in the source: a placeholder where they have replies, else removed again. */
  deleted: number;
  votes: number;
  /** Comments left out, by reason. */
  skipped: Partial<Record<SkipReason, number>>;
  /** Items of the source not imported as threads, by kind ("draft post": 2, "attachment": 3). */
  skippedItems: Record<string, number>;
  /** Replies whose parent is not imported (spam, missing): placed at the top level. */
  orphans: number;
  /** The first few ids per reason, and of orphans, for looking them up in the source. */
  examples: Partial<Record<SkipReason | 'orphan', string[]>>;
  /** What had to be fixed on the way in (the first 50), and how many in all. */
  notes: { id: string; note: string }[];
  noteCount: number;
}

/** A report of nothing imported yet. */
export function emptyReport(): ImportReport {
  return {
    threads: 0,
    comments: 0,
    held: 0,
    pending: 0,
    deleted: 0,
    votes: 0,
    skipped: {},
    skippedItems: {},
    orphans: 0,
    examples: {},
    notes: [],
    noteCount: 0,
  };
}
