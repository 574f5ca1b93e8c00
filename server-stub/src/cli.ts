/**
 * `threadline-server` (or `npm run server`): runs the threadline server. Settings come from
 * environment variables (see config.ts and the README); these flags override them:
 *   --port N        (PORT, default 8787)        --host ADDR      (HOST, default 127.0.0.1)
 *   --db FILE       (THREADLINE_DB)             --origins A,B    (THREADLINE_ORIGINS)
 *   --help
 * SIGINT/SIGTERM shut down gracefully: live streams end, requests in flight get 10 s.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnv } from './config.ts';
import { startServer } from './server.ts';

const { values: flags } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    origins: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (flags.help) {
  console.log('threadline-server [--port N] [--host ADDR] [--db FILE] [--origins A,B]\nAll settings and their env variables: see the README, "Running the server".');
  process.exit(0);
}
const env = {
  ...process.env,
  ...(flags.port ? { PORT: flags.port } : {}),
  ...(flags.host ? { HOST: flags.host } : {}),
  ...(flags.db ? { THREADLINE_DB: flags.db } : {}),
  ...(flags.origins ? { THREADLINE_ORIGINS: flags.origins } : {}),
};
const config = configFromEnv(env);
const server = await startServer(config).catch(exitWith);
console.log(`[threadline] comments API on ${server.url} (${config.databaseUrl ? 'PostgreSQL' : `SQLite ${path.resolve(config.dbPath)}`})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close(10_000).then(() => process.exit(0));
  });
}

/** Start-up failures (a port in use, an unreadable database) end with one clear line, not a stack. */
function exitWith(err: unknown): never {
  console.error(`[threadline] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
