/** `tsx server-stub/src/cli.ts`: runs the threadline server; settings from env (see config.ts). */
import path from 'node:path';
import { configFromEnv } from './config.ts';
import { startServer } from './server.ts';

const config = configFromEnv();
const server = await startServer(config).catch(exitWith);
console.log(`[threadline] comments API on ${server.url} (db ${path.resolve(config.dbPath)})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}

/** Start-up failures (a port in use, an unreadable database) end with one clear line, not a stack. */
function exitWith(err: unknown): never {
  console.error(`[threadline] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
