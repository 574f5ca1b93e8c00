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

/** A started site and what `prepare` returned when its template was made. */
export interface PreparedSite<T> {
  wp: WordPressSite;
  prepared: T;
}

/**
 * Starts a site from a template: Debian's WordPress, installed by Playground and prepared by
 * `prepare` (seeding through the REST API) once per `key`, kept under .cache/templates/; every
 * start copies it to a temporary folder, so each run begins from the same clean state and pays
 * only a restart (not the install and seeding) once the template exists. Plugins are copied in
 * fresh at every start.
 */
export async function startWordPress<T>(key: string, prepare: (wp: WordPressSite) => Promise<T>): Promise<PreparedSite<T>> {
  const template = path.join(HERE, '.cache/templates', key);
  if (!fs.existsSync(path.join(template, 'wp-content/e2e-prepared.json'))) {
    const source = path.join(HERE, '.cache/wordpress');
    if (!fs.existsSync(path.join(source, 'wp-settings.php')))
      throw new Error('WordPress is not installed: run bash e2e/wordpress/setup.sh');
    const wp = await bootSite(source);
    try {
      const prepared = await prepare(wp);
      await wp.stop({ keep: true });
      fs.writeFileSync(path.join(wp.dir, 'wp-content/e2e-prepared.json'), JSON.stringify(prepared));
      fs.rmSync(template, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(template), { recursive: true });
      fs.renameSync(wp.dir, template);
    } finally {
      await wp.stop();
    }
  }
  const wp = await bootSite(template);
  return { wp, prepared: JSON.parse(fs.readFileSync(path.join(wp.dir, 'wp-content/e2e-prepared.json'), 'utf8')) as T };
}

/** Copies a site folder to a temporary one, adds the plugins, and serves it on a free port. */
async function bootSite(from: string): Promise<WordPressSite & { dir: string; stop(options?: { keep?: boolean }): Promise<void> }> {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-wp-')), 'wordpress');
  fs.cpSync(from, dir, { recursive: true });
  fs.cpSync(path.join(HERE, 'mu-plugins'), path.join(dir, 'wp-content/mu-plugins'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'wp-content/threadline'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'server-stub/wordpress/threadline.php'), path.join(dir, 'wp-content/threadline/threadline.php'));

  const port = await freePort();
  const child: ChildProcess = spawn(
    path.join(HERE, 'node_modules/.bin/wp-playground-cli'),
    [
      'server',
      `--port=${port}`,
      '--php=8.3',
      `--mount-before-install=${dir}:/wordpress`,
      '--wordpress-install-mode=install-from-existing-files-if-needed',
      `--blueprint=${path.join(HERE, 'blueprint.json')}`,
      '--define',
      'WP_ENVIRONMENT_TYPE',
      'local',
      // WP-Cron calls the site from inside a request: with one PHP worker that stalls the first pages.
      '--define',
      'DISABLE_WP_CRON',
      'true',
    ],
    { cwd: HERE, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // A test run that ends abruptly (a timeout, Ctrl-C) must not leave a 400 MB PHP server behind.
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  child.once('exit', () => process.off('exit', killChild));
  await waitFor(child, /Ready! WordPress is running/, 240_000);
  const password = fs.readFileSync(path.join(dir, 'wp-content/e2e-app-password.txt'), 'utf8').trim();
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
  // The first page render compiles and caches the theme's work: do it before a test waits on it.
  await fetch(`${url}/`);
  return {
    url,
    dir,
    admin,
    async setOptions(options) {
      await admin('POST', 'tl-test/v1/options', options);
    },
    async stop({ keep = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      if (!keep) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
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
