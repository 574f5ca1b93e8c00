import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../server-stub/src/http/free-port.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = path.join(HERE, '../..');

/** A real WordPress on loopback (WordPress Playground's CLI over Debian's WordPress files), with an admin REST client. */
export interface WordPressSite {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** Calls the REST API as the admin (application password); resolves with the JSON answer. */
  admin<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
  /** Sets options through the test plugin (comment_registration, tl_test_flood, tl_test_embed, …). */
  setOptions(options: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a fresh site from the files e2e/wordpress/setup.sh installed: a copy in a temporary
 * folder (its SQLite database starts empty, so every run starts clean), the test plugin and
 * threadline's plugin under wp-content, on a free port.
 */
export async function startWordPress(): Promise<WordPressSite> {
  const source = path.join(HERE, '.cache/wordpress');
  if (!fs.existsSync(path.join(source, 'wp-settings.php'))) throw new Error('WordPress is not installed: run bash e2e/wordpress/setup.sh');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-wp-'));
  const site = path.join(dir, 'wordpress');
  fs.cpSync(source, site, { recursive: true });
  fs.cpSync(path.join(HERE, 'mu-plugins'), path.join(site, 'wp-content/mu-plugins'), { recursive: true });
  fs.mkdirSync(path.join(site, 'wp-content/threadline'));
  fs.copyFileSync(path.join(ROOT, 'server-stub/wordpress/threadline.php'), path.join(site, 'wp-content/threadline/threadline.php'));

  const port = await freePort();
  const child: ChildProcess = spawn(
    path.join(HERE, 'node_modules/.bin/wp-playground-cli'),
    [
      'server',
      `--port=${port}`,
      '--php=8.3',
      `--mount-before-install=${site}:/wordpress`,
      '--wordpress-install-mode=install-from-existing-files-if-needed',
      `--blueprint=${path.join(HERE, 'blueprint.json')}`,
      '--define',
      'WP_ENVIRONMENT_TYPE',
      'local',
    ],
    { cwd: HERE, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitFor(child, /Ready! WordPress is running/, 120_000);
  const password = fs.readFileSync(path.join(site, 'wp-content/e2e-app-password.txt'), 'utf8').trim();
  const url = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`;

  async function admin<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${url}/wp-json/${route}`, {
      method,
      headers: { Authorization: auth, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
      // A redirect would turn a POST into a GET: fail loudly instead.
      redirect: 'error',
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
  // The first request after the install answers with a redirect (WordPress settling its
  // permalinks): take it here, and check the application password at the same time.
  await fetch(`${url}/wp-json/wp/v2/users/me`, { headers: { Authorization: auth } });
  await admin('GET', 'wp/v2/users/me');
  return {
    url,
    admin,
    async setOptions(options) {
      await admin('POST', 'tl-test/v1/options', options);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function waitFor(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`WordPress did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
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
      reject(new Error(`WordPress exited (${code}):\n${out}`));
    });
  });
}
