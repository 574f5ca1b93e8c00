import type { CommentStore } from '../server-stub/src/store/comment-store.ts';
/** A small deterministic PRNG (mulberry32), so every run benchmarks the same threads. */
export declare function random(seed: number): () => number;
/**
 * Fills `thread` with `n` comments: 30% top-level, the rest replies to a random earlier comment
 * at depth 0–2 (so replies reach depth 3), bodies 50–600 characters, a third with Markdown.
 */
export declare function generateThread(store: CommentStore, thread: string, n: number, seed?: number): Promise<void>;
