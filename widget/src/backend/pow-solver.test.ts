import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { describe, expect, it } from 'vitest';
import type { PowChallenge } from '../protocol/types.ts';
import { findNumber, solveChallenge } from './pow-solver.ts';

const KEY = 'test-hmac-key';
async function challenge(number: number): Promise<PowChallenge> {
  const c = await createChallenge({ hmacKey: KEY, number, maxNumber: 5000, expires: new Date(Date.now() + 600_000) });
  return { algorithm: 'SHA-256', challenge: c.challenge, salt: c.salt, signature: c.signature, maxnumber: 5000 };
}

describe('proof-of-work solver', () => {
  it('finds the number, across batch boundaries and at both ends of the range', async () => {
    for (const n of [0, 499, 500, 1234, 5000]) {
      const c = await challenge(n);
      expect(await findNumber(c.challenge, c.salt, c.maxnumber)).toBe(n);
    }
  });

  it('says so when the number is out of range', async () => {
    const c = await challenge(4000);
    expect(await findNumber(c.challenge, c.salt, 3000)).toBeNull();
  });

  it('produces a payload the server accepts, solving on the page where no worker can start', async () => {
    const c = await challenge(2718);
    const pow = await solveChallenge(c);
    expect(JSON.parse(atob(pow))).toMatchObject({ number: 2718, signature: c.signature, salt: c.salt });
    expect(await verifySolution(pow, KEY)).toBe(true);
    expect(await verifySolution(await solveChallenge(await challenge(3)), 'another-key')).toBe(false);
  });
});
