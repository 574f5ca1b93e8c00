import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { random } from '../../../bench/generate-thread.ts';
import type { PostCommentResponse, PowChallenge } from '../../../widget/src/protocol/types.ts';
import { signHs256, type TestClaims } from '../auth/test-signer.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { createApp } from './app.ts';

/**
 * Throws thousands of random and mutated requests at every endpoint: no answer may be a 5xx, and
 * a refused request (4xx) may change nothing that is stored.
 */
const RUNS = 4000;
const ADMIN = 'fuzz-admin-token-123';
const SSO_SECRET = 'fuzz-sso-secret-0123456789abcdef';
/** Authorization headers: the admin token, good and bad sign-in tokens (filled in beforeAll), other schemes, junk. */
const AUTHORIZATIONS = [
  `Bearer ${ADMIN}`,
  'Bearer wrong',
  `Basic ${ADMIN}`,
  '',
  'Bearer',
  'Bearer a.b.c',
  'Bearer ....',
  `Bearer ${'x'.repeat(70_000)}`,
  `Bearer eyJ${'A'.repeat(3000)}.eyJ.e30`,
  'Negotiate YII=',
  'Bearer \u00ff.\u00e9.\u00fc',
  'Bearer %ZZ.%00.x',
];
let store: CommentStore;
let app: ReturnType<typeof createApp>;
const ids: string[] = [];
const tokens: string[] = [];
/** Solved proof-of-work payloads: each buys one comment, later uses are refused. */
const pows: string[] = [];
const spent: string[] = [];

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  app = createApp({
    store,
    origins: ['https://site.example'],
    distDir: '/none',
    adminToken: ADMIN,
    logError: (e) => console.error('UNEXPECTED', e),
    postLimit: { perIp: { burst: 1e6, perMinute: 1e6 }, perThread: { burst: 1e6, perMinute: 1e6 } },
    voteLimit: { burst: 1e6, perMinute: 1e6 },
    votesPerIp: 0,
    pow: { maxNumber: 300 },
    sso: { secret: SSO_SECRET, issuer: 'https://site.example' },
    // A provider that is never reached: every fuzzed OpenID request must be refused before discovery.
    oidc: { issuer: 'http://127.0.0.1:9', clientId: 'fuzz', clientSecret: 'fuzz-secret' },
  });
  const signed = (claims: TestClaims, lifetime?: number) => signHs256(SSO_SECRET, { iss: 'https://site.example', ...claims }, lifetime);
  AUTHORIZATIONS.push(
    ...[
      await signed({ sub: 'fuzz-user', name: 'Fuzz Reader', roles: ['moderator'] }),
      await signed({ sub: 'fuzz-user-2', name: '\u202eFuzz\u0000 <b>2</b>' }),
      await signed({ sub: 'expired' }, -60),
      await signed({ sub: 'too-long' }, 25 * 3600),
      await signed({ name: 'no sub' }),
      await signHs256('another-secret-entirely-0000000000', { sub: 'forged', iss: 'https://site.example' }),
    ].map((t) => `Bearer ${t}`),
  );
  const [head, body] = AUTHORIZATIONS.at(-1)!.slice(7).split('.');
  AUTHORIZATIONS.push(
    `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`,
    `Bearer ${head}.${body}`,
    `bearer ${head}..`,
  );
  for (let i = 0; i < 400; i++) {
    const c = (await (await app.request('/api/challenge')).json()) as PowChallenge;
    // Solved synchronously: the fuzz run needs hundreds, the widget solves one in a worker.
    let number = 0;
    while (
      createHash('sha256')
        .update(c.salt + number)
        .digest('hex') !== c.challenge
    )
      number++;
    pows.push(btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature })));
  }
  for (let i = 0; i < 5; i++) {
    const res = await app.request('/api/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ thread: '/fuzz', body: `seed ${i}`, pow: pows.pop(), ...(ids[0] ? { parentId: ids[0] } : {}) }),
    });
    const { comment, editToken } = (await res.json()) as PostCommentResponse;
    ids.push(comment.id);
    tokens.push(editToken);
  }
});
afterAll(() => store.close());

const rand = random(20241126);
/** Percent-encodes anything, lone surrogates included (as U+FFFD), unlike encodeURIComponent alone. */
const enc = (s: string) => encodeURIComponent(s.toWellFormed());
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (n: number) => Math.floor(rand() * n);

const STRINGS = [
  '',
  ' ',
  'x',
  'seed 0',
  '/fuzz',
  '/other',
  '\u0000',
  '\ud800',
  '\u202e',
  '🤦‍♀️',
  '<script>alert(1)</script>',
  '"\'`',
  '../../etc/passwd',
  'a'.repeat(513),
  'b'.repeat(10_001),
  '%00',
  '%ZZ',
  'null',
  '{}',
  '[]',
  'c'.repeat(70_000),
  'javascript:alert(1)',
  'https://a.example',
];
const VALUES: (() => unknown)[] = [
  () => pick(STRINGS),
  () => int(1e9) - 5e8,
  () => rand(),
  () => null,
  () => true,
  () => [],
  () => ({}),
  () => [pick(STRINGS)],
  () => ({ name: pick(STRINGS), email: pick(STRINGS), website: pick(STRINGS) }),
  () => pick(ids),
  () => Number.NaN,
  () => 1e308,
];
const FIELDS = [
  'anchor',
  'thread',
  'body',
  'parentId',
  'author',
  'page',
  'hp',
  'elapsedMs',
  'extra',
  '__proto__',
  'constructor',
  'kind',
  'value',
  'banned',
  'locked',
  'pow',
];

/** A valid post, then mangled: fields dropped, replaced by other types, or added. */
function mutatedBody(): string {
  const base: Record<string, unknown> = { thread: pick(['/fuzz', '/other', '/fuzz']), body: `fuzz ${int(1e6)}`, author: { name: 'F' } };
  // A fresh solution, a spent one or junk.
  if (rand() < 0.9) {
    const fresh = rand() < 0.6 ? pows.pop() : undefined;
    if (fresh) spent.push(fresh);
    base.pow = fresh ?? (rand() < 0.5 && spent.length ? pick(spent) : pick(STRINGS));
  }
  if (rand() < 0.3) base.parentId = pick(ids);
  if (rand() < 0.2)
    base.anchor = { type: pick(['quote', 'paragraph']), exact: pick(STRINGS) || 'x', prefix: pick(STRINGS), position: int(1000) };
  for (let i = int(4); i > 0; i--) {
    const f = pick(FIELDS);
    if (rand() < 0.3) delete base[f];
    else base[f] = pick(VALUES)();
  }
  const json = JSON.stringify(base) ?? '{}';
  const roll = rand();
  if (roll < 0.1) return json.slice(0, int(json.length)); // truncated
  if (roll < 0.15) return '['.repeat(5000 + int(20_000)) + ']'.repeat(int(10)); // deep nesting
  if (roll < 0.2) return String.fromCharCode(...Array.from({ length: int(200) }, () => int(0xffff))); // noise
  if (roll < 0.25) return JSON.stringify(pick(VALUES)());
  return json;
}

function randomRequest(): { url: string; init: RequestInit } {
  const id = rand() < 0.6 ? pick(ids) : enc(pick(STRINGS)) || 'x';
  const path = pick([
    `/api/comments?thread=${enc(pick(STRINGS))}`,
    `/api/comments?thread=%2Ffuzz&sort=${pick(['oldest', 'newest', 'replies', 'top', 'x', ''])}&limit=${pick(['1', '0', '-1', '999', 'x', '50'])}&cursor=${enc(pick(STRINGS))}`,
    `/api/comments?thread=%2Ffuzz&around=${id}`,
    `/api/comments?thread=%2Ffuzz&filter=${pick(['inline', 'all', 'x', ''])}&anchor=${enc(pick(STRINGS))}&limit=10`,
    `/api/anchors?thread=${enc(pick(['/fuzz', ...STRINGS]))}`,
    '/api/challenge',
    '/api/comments',
    `/api/comments/${id}`,
    `/api/comments/${id}/vote`,
    `/api/counts?${Array.from({ length: int(5) }, () => `thread=${enc(pick(STRINGS))}`).join('&')}`,
    `/api/events?thread=${enc(pick(['/fuzz', ...STRINGS]))}&after=${pick(['0', '-1', 'x', '99999'])}`,
    `/api/admin/comments?status=${pick(['pending', 'x', ''])}`,
    `/api/admin/comments/${id}/${pick(['approve', 'reject'])}`,
    `/api/admin/comments/${id}`,
    '/api/admin/threads/lock',
    '/api/admin/bans',
    `/api/feeds/${pick(['thread.atom?thread=%2Ffuzz', 'recent.atom', 'pending.atom', 'pending.atom?token=x', 'thread.atom'])}`,
    pick(['/embed.js', '/threadline.js', '/x.js', '/../secret', '/healthz', '/', '/api', '/api/']),
    // Raw, malformed percent-encoding straight into the URL.
    pick(['/api/comments?thread=%ZZ', '/api/comments?thread=%ED%A0%80', '/api/comments/%E0%A4%A', '/api/counts?thread=%']),
  ]);
  const headers: Record<string, string> = {};
  if (rand() < 0.8)
    headers['content-type'] = pick([
      // Twice: a refused content type stops a request before most rules, and some posts must get through.
      'application/json',
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/jsonx',
      '',
    ]);
  if (rand() < 0.3) headers['idempotency-key'] = pick(['valid-key-00000001', 'valid-key-00000002', 'bad key', '', 'k'.repeat(200)]);
  if (rand() < 0.3) headers['x-edit-token'] = rand() < 0.3 ? pick(tokens) : pick(['forged-token-000000', 'short', '']);
  if (rand() < 0.3) headers['x-voter-id'] = pick(['voter-0000000001', 'voter-0000000002', 'x', '']);
  if (rand() < 0.2) headers.authorization = pick(AUTHORIZATIONS);
  if (rand() < 0.1) headers['last-event-id'] = pick(['0', 'x', '-5']);
  if (rand() < 0.2) headers.origin = pick(['https://site.example', 'https://evil.example']);
  const method = pick(['GET', 'GET', 'POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);
  const init: RequestInit = { method, headers };
  if (!['GET', 'HEAD'].includes(method)) init.body = mutatedBody();
  return { url: path, init };
}

/** Everything stored, as moderators see it, plus thread state. */
async function snapshot(): Promise<string> {
  const all = await store.listForAdmin({ limit: 10_000 });
  const threads = await Promise.all(['/fuzz', '/other'].map((k) => store.getThread(k)));
  return JSON.stringify([all, threads]);
}

describe(`fuzzing every endpoint with ${RUNS} requests`, () => {
  it('never answers 5xx, and refused requests change nothing stored', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < RUNS; i++) {
      const { url, init } = randomRequest();
      const before = await snapshot();
      const res = await app.request(url, init);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (url.startsWith('/api/events') && res.status === 200) await res.body?.cancel();
      else await res.arrayBuffer();
      if (res.status >= 500) failures.push(`${res.status} ${init.method} ${url}`);
      if (res.status >= 400 && (await snapshot()) !== before)
        failures.push(`state changed by refused ${init.method} ${url} (${res.status})`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The run must exercise both sides: plenty refused, some accepted.
    const refused = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
    expect(refused).toBeGreaterThan(RUNS / 3);
    expect(statuses.get(201) ?? 0).toBeGreaterThan(10);
  });

  it('refuses every malformed OpenID start and callback with a 4xx, before asking the provider', async () => {
    const failures: string[] = [];
    const cookies = ['', 'tl_oidc=x', 'tl_oidc=e30.c2ln', `tl_oidc=${'%'.repeat(300)}`];
    for (const value of ['https://evil.example', 'https://site.example/path', 'null', 'https://site.example:443', ...STRINGS]) {
      for (const url of [`/api/auth/oidc/start?origin=${enc(value)}`, `/api/auth/oidc/callback?code=${enc(value)}&state=${enc(value)}`]) {
        const res = await app.request(url, { headers: { cookie: cookies[url.length % cookies.length]! } });
        await res.arrayBuffer();
        if (res.status < 400 || res.status >= 500) failures.push(`${res.status} ${url}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});
