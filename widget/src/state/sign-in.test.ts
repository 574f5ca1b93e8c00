import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testToken } from '../testing/fake-backend.ts';
import { createSignIn, REFRESH_BEFORE_MS } from './sign-in.ts';

const MINUTE = 60_000;
const tokenFor = (claims: Record<string, unknown>, lifetimeMs = 10 * MINUTE) =>
  testToken({ sub: 'user-41', name: 'Ann Lee', exp: Math.floor((Date.now() + lifetimeMs) / 1000), ...claims });

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-30T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('sign-in model', () => {
  it('reads who the reader is from the site’s token: name, roles, and the token to send', async () => {
    const token = tokenFor({ roles: ['moderator', 7], email: 'ann@news.example' });
    const signIn = createSignIn(async () => token, window);
    await signIn.refresh();
    expect(signIn.identity.value).toMatchObject({
      token,
      sub: 'user-41',
      name: 'Ann Lee',
      email: 'ann@news.example',
      roles: ['moderator'],
    });
    signIn.dispose();
  });

  it('asks the site for a new token before the current one expires, and signs out when the site says so', async () => {
    const answers = [tokenFor({}, 10 * MINUTE), tokenFor({ name: 'Ann L.' }, 10 * MINUTE), null];
    const source = vi.fn(async () => answers.shift() ?? null);
    const signIn = createSignIn(source, window);
    await signIn.refresh();
    expect(signIn.identity.value?.name).toBe('Ann Lee');
    await vi.advanceTimersByTimeAsync(10 * MINUTE - REFRESH_BEFORE_MS - 1000);
    expect(source).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(source).toHaveBeenCalledTimes(2);
    expect(signIn.identity.value?.name).toBe('Ann L.');
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(source).toHaveBeenCalledTimes(3);
    expect(signIn.identity.value).toBeNull();
    signIn.dispose();
  });

  it('stays a guest for an expired token, something that is not a JWT, or a site that fails', async () => {
    for (const source of [
      async () => tokenFor({}, -MINUTE),
      async () => 'not-a-token',
      async () => testToken({ name: 'no sub or exp' }),
      async () => {
        throw new Error('site down');
      },
    ]) {
      const signIn = createSignIn(source, window);
      await signIn.refresh();
      expect(signIn.identity.value).toBeNull();
      signIn.dispose();
    }
  });

  it('stops refreshing once disposed (unmount)', async () => {
    const source = vi.fn(async () => tokenFor({}, 2 * MINUTE));
    const signIn = createSignIn(source, window);
    await signIn.refresh();
    signIn.dispose();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(source).toHaveBeenCalledTimes(1);
  });
});
