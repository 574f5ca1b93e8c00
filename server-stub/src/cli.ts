/** `tsx server-stub/src/cli.ts`: runs the threadline server; settings from env (see config.ts). */
import path from 'node:path';
import { configFromEnv } from './config.ts';
import { startServer } from './server.ts';

const config = configFromEnv();
const server = await startServer(config);
console.log(`[threadline] comments API on ${server.url} (db ${path.resolve(config.dbPath)})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
