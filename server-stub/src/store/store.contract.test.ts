import { openPgStore } from './pg-store.ts';
import { freshDatabase } from './pg-test-cluster.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('SQLite', async () => ({ store: openSqliteStore(':memory:'), dispose: async () => {} }));

describeStoreContract('PostgreSQL', async () => {
  const db = await freshDatabase();
  return { store: await openPgStore(db.url), dispose: () => db.drop() };
});
