import { solveChallenge } from 'altcha-lib/v1';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorResponse, PowChallenge, ThreadResponse } from '../../../widget/src/protocol/types.ts';
import type { CommentStore } from '../store/comment-store.ts';
import { createApp } from './app.ts';
import { STORE_KINDS } from './both-stores.ts';

/** Solves a challenge as the widget's worker does, and encodes the payload it posts. */
async function solve(c: PowChallenge): Promise<string> {
  const solution = (await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise)!;
  return btoa(
    JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solution.number, salt: c.salt, signature: c.signature }),
  );
}

describe.each(STORE_KINDS)('proof of work instead of a captcha ($name)', (kind) => {
  let store: CommentStore | undefined;
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
    store = undefined;
  });

  async function setup(pow: boolean) {
    let clock = Date.parse('2025-03-01T10:00:00Z');
    ({ store, dispose } = await kind.open());
    const app = createApp({ store: store!, origins: [], distDir: '/none', pow: pow && { maxNumber: 2000 }, now: () => new Date(clock) });
    const challenge = async () => (await (await app.request('/api/challenge')).json()) as PowChallenge;
    const post = (body: object) =>
      app.request('/api/comments', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const code = async (res: Response) => ((await res.json()) as ErrorResponse).error.code;
    const list = async () => (await (await app.request('/api/comments?thread=%2Ft')).json()) as ThreadResponse;
    return { app, challenge, post, code, list, wait: (ms: number) => (clock += ms) };
  }

  it('hands out ALTCHA v1 challenges and says so in every thread read', async () => {
    const g = await setup(true);
    const c = await g.challenge();
    expect(Object.keys(c).sort()).toEqual(['algorithm', 'challenge', 'maxnumber', 'salt', 'signature']);
    expect(c).toMatchObject({ algorithm: 'SHA-256', maxnumber: 2000 });
    expect((await g.list()).features).toEqual({ pow: true, notify: false });
  });

  it('needs a solution with every new comment: missing, wrong, expired or used ones are refused and store nothing', async () => {
    const g = await setup(true);
    const missing = await g.post({ thread: '/t', body: 'no work done' });
    expect([missing.status, await g.code(missing)]).toEqual([422, 'pow_required']);

    const c = await g.challenge();
    const good = await solve(c);
    const wrongNumber = btoa(JSON.stringify({ ...JSON.parse(atob(good)), number: 2001 }));
    const forged = btoa(JSON.stringify({ ...JSON.parse(atob(good)), signature: 'f'.repeat(64) }));
    for (const pow of [wrongNumber, forged, 'not base64 at all!', btoa('{"no":"fields"}')]) {
      const res = await g.post({ thread: '/t', body: 'cheating', pow });
      expect([res.status, await g.code(res)], pow).toEqual([422, 'pow_invalid']);
    }
    expect((await g.post({ thread: '/t', body: 'honest work', pow: good })).status).toBe(201);
    const reused = await g.post({ thread: '/t', body: 'same work twice', pow: good });
    expect([reused.status, await g.code(reused)]).toEqual([422, 'pow_invalid']);

    const stale = await solve(await g.challenge());
    g.wait(11 * 60_000);
    const expired = await g.post({ thread: '/t', body: 'too late', pow: stale });
    expect([expired.status, await g.code(expired)]).toEqual([422, 'pow_invalid']);
    expect((await g.list()).comments.map((x) => x.body)).toEqual(['honest work']);
  });

  it('lets a refused post be corrected and sent again with the same solution', async () => {
    const g = await setup(true);
    const pow = await solve(await g.challenge());
    expect(await g.code(await g.post({ thread: '/t', body: 'x'.repeat(10_001), pow }))).toBe('body_too_long');
    expect((await g.post({ thread: '/t', body: 'shorter now', pow })).status).toBe(201);
  });

  it('is off by default: no challenge endpoint, and a pow field is neither needed nor refused', async () => {
    const g = await setup(false);
    expect((await g.app.request('/api/challenge')).status).toBe(404);
    expect((await g.list()).features).toEqual({ pow: false, notify: false });
    expect((await g.post({ thread: '/t', body: 'plain' })).status).toBe(201);
  });
});
