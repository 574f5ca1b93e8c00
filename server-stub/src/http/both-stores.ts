import type { CommentStore } from '../store/comment-store.ts';
import { openPgStore } from '../store/pg-store.ts';
import { freshDatabase } from '../store/pg-test-cluster.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';

/** Opens an empty store of one kind for a test; `dispose` drops it. */
export interface StoreKind {
  name: 'SQLite' | 'PostgreSQL';
  open(): Promise<{ store: CommentStore; dispose(): Promise<void> }>;
}

/** Both stores, so HTTP-level rules are tested on each database a site may run (tests only). */
export const STORE_KINDS: readonly StoreKind[] = [
  {
    name: 'SQLite',
    async open() {
      const store = openSqliteStore(':memory:');
      return { store, dispose: () => store.close() };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const db = await freshDatabase();
      const store = await openPgStore(db.url);
      return {
        store,
        async dispose() {
          await store.close();
          await db.drop();
        },
      };
    },
  },
];
