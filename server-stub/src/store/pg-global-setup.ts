import { startTestCluster } from './pg-test-cluster.ts';

/** Vitest global setup: one PostgreSQL for the whole run, unless DATABASE_URL points at one. */
export default async function setup(): Promise<() => void> {
  if (process.env.DATABASE_URL) return () => {};
  const cluster = await startTestCluster();
  process.env.DATABASE_URL = cluster.url;
  return () => cluster.stop();
}
