/**
 * `npm start`: the comments backend and the demo news site, on two origins as on a real site.
 * Env: DEMO_PORT (site, default 5173) and the server's own (see server-stub/src/config.ts);
 * request logs are off here unless THREADLINE_LOG=1.
 */
import { configFromEnv } from '../server-stub/src/config.ts';
import { startServer } from '../server-stub/src/server.ts';
import { SEED_THREAD_KEY } from '../server-stub/src/store/seed.ts';
import { startDemo } from './server.ts';

// A demo in a terminal reads better without a JSON line per request; THREADLINE_LOG=1 brings them back.
const config = configFromEnv({ ...process.env, THREADLINE_LOG: process.env.THREADLINE_LOG ?? '0' });
const api = await startServer(config).catch(exitWith);
const demo = await startDemo({
  host: config.host,
  port: Number(process.env.DEMO_PORT || 5173),
  api: api.url,
  ssoSecret: process.env.THREADLINE_SSO_SECRET,
}).catch(exitWith);

console.log(`
  threadline is running
  comments API  ${api.url}
  demo site     ${demo.url}${SEED_THREAD_KEY}
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([demo.close(), api.close()]).then(() => process.exit(0));
  });
}

/** Start-up failures (a port in use, an unreadable database) end with one clear line, not a stack. */
function exitWith(err: unknown): never {
  console.error(`[threadline] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
