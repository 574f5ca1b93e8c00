/**
 * Thread counts remembered by the thread version they were counted at. Every write that changes
 * what a thread counts bumps its version (write-rules.ts: a published comment, an approval, a
 * deletion, a held edit); so while the version a read sees is the one counted at, the count
 * stands, and the first page of a 10,000-comment thread costs what a 100-comment one does
 * instead of a COUNT over the whole thread per read. Per process, and checked against the
 * database's version on every read, so several servers on one PostgreSQL stay right.
 */

/** Remembered counts, at most `max` threads (the oldest entry goes first). */
export interface CountMemo {
  /** The count at `version`, if it was counted at that version. */
  get(key: string, version: number): number | undefined;
  set(key: string, version: number, count: number): void;
}

/** Creates an empty memo. */
export function createCountMemo(max = 10_000): CountMemo {
  const counts = new Map<string, { version: number; count: number }>();
  return {
    get(key, version) {
      const hit = counts.get(key);
      return hit?.version === version ? hit.count : undefined;
    },
    set(key, version, count) {
      counts.delete(key);
      counts.set(key, { version, count });
      if (counts.size > max) counts.delete(counts.keys().next().value!);
    },
  };
}
