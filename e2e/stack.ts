import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ExtraPage, type RunningDemo, startDemo } from '../demo/server.ts';
import { freePort } from '../server-stub/src/http/free-port.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The real comments server (a child process running the CLI) and the demo site on another origin. */
export interface Stack {
  /** Comments API origin, e.g. http://127.0.0.1:40123. */
  api: string;
  /** Demo site origin (a different port: a different origin). */
  site: string;
  dbPath: string;
  /** Extra pages the demo site serves by path (from loopback, as Chromium's local-network rules need). */
  pages: Map<string, ExtraPage>;
  /** Kills the server process at once (SIGKILL), as a crash would. */
  killApi(): Promise<void>;
  /** Starts the server again on the same port and database. */
  startApi(): Promise<void>;
  stop(): Promise<void>;
}

/** Options of a stack: an existing database to serve, and extra server environment. */
export interface StackOptions {
  dbPath?: string;
  env?: Record<string, string>;
  /** The API's port, where something (an OpenID provider's redirect URL) must know it first; default a free one. */
  apiPort?: number;
}

/** Starts a fresh stack with its own empty (then seeded) database, or the one given. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-e2e-'));
  const dbPath = options.dbPath ?? path.join(dir, 'threadline.db');
  const apiPort = options.apiPort ?? (await freePort());
  // A port just given back may be given again at once: the API's must not become the site's.
  let sitePort = await freePort();
  while (sitePort === apiPort) sitePort = await freePort();
  const api = `http://127.0.0.1:${apiPort}`;
  let child: ChildProcess | undefined;

  const startApi = async () => {
    // The bundle from the e2e run's global setup, else the source through tsx (screenshots, benches).
    const bundle = process.env.THREADLINE_E2E_SERVER;
    child = spawn(process.execPath, bundle ? [bundle] : ['--import', 'tsx', 'server-stub/src/cli.ts'], {
      cwd: ROOT,
      // SQLite unless the test asks for PostgreSQL: a DATABASE_URL of the test run must not leak in.
      env: {
        ...process.env,
        DATABASE_URL: '',
        THREADLINE_LOG: '0',
        PORT: String(apiPort),
        DEMO_PORT: String(sitePort),
        THREADLINE_DB: dbPath,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForOutput(child, /comments API on/);
  };
  const killApi = async () => {
    const proc = child;
    // A process killed by a signal has a signalCode and no exitCode.
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  };

  await startApi();
  const pages = new Map<string, ExtraPage>();
  const demo: RunningDemo = await startDemo({
    host: '127.0.0.1',
    port: sitePort,
    api,
    extraPages: pages,
    ssoSecret: options.env?.THREADLINE_SSO_SECRET,
  });
  return {
    api,
    site: demo.url,
    dbPath,
    pages,
    killApi,
    startApi,
    async stop() {
      await Promise.all([demo.close(), killApi()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 15_000);
    const onData = (buf: Buffer) => {
      out += buf.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
}
