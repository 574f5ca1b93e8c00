import { afterEach, describe, expect, it, vi } from 'vitest';
import { testToken } from '../testing/fake-backend.ts';
import { createProviderSignIn } from './provider-sign-in.ts';
import { createSignIn } from './sign-in.ts';

const API = 'https://comments.example';
const KEY = `threadline:oidc-token:${API}`;
const tokenFor = (lifetimeMs: number) =>
  testToken({ sub: 'oidc:ann', name: 'Ann Okafor', exp: Math.floor((Date.now() + lifetimeMs) / 1000) });

/** A window whose popup and listeners the test controls. */
function fakeWindow() {
  const popup = {} as Window;
  const listeners = new Map<string, (e: Event) => void>();
  const win = {
    location: { origin: 'https://news.example' },
    open: vi.fn(() => popup),
    addEventListener: (type: string, fn: (e: Event) => void) => listeners.set(type, fn),
    removeEventListener: (type: string) => listeners.delete(type),
  } as unknown as Window;
  const post = (origin: string, source: unknown, data: unknown) => listeners.get('message')?.({ origin, source, data } as unknown as Event);
  return { win, popup, post, listeners };
}

afterEach(() => localStorage.clear());

describe('OpenID sign-in in the widget', () => {
  it('opens the server’s start URL in a popup, carrying the page’s origin', () => {
    const { win } = fakeWindow();
    createProviderSignIn(`${API}/`, win, () => {}).open();
    expect(win.open).toHaveBeenCalledWith(
      `${API}/api/auth/oidc/start?origin=https%3A%2F%2Fnews.example`,
      'threadline-sign-in',
      expect.any(String),
    );
  });

  // An attacker's page or frame posting a token of its choosing must not sign the reader in as someone else.
  it.each([
    ['another origin', 'https://evil.example', 'popup'],
    ['the server’s origin but another window', API, 'other'],
    ['the popup, before it was opened', API, 'early'],
  ])('ignores a token posted from %s', async (_title, origin, from) => {
    const { win, popup, post } = fakeWindow();
    const onChange = vi.fn();
    const provider = createProviderSignIn(API, win, onChange);
    if (from !== 'early') provider.open();
    post(origin, from === 'other' ? ({} as Window) : popup, { type: 'threadline:signed-in', token: tokenFor(60_000) });
    expect(onChange).not.toHaveBeenCalled();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(await provider.source()).toBeNull();
  });

  it('keeps the token its popup posts, signs the reader in, and signs them out again', async () => {
    const { win, popup, post } = fakeWindow();
    const token = tokenFor(60 * 60_000);
    let signIn: ReturnType<typeof createSignIn> | undefined;
    const provider = createProviderSignIn(API, win, () => void signIn?.refresh());
    signIn = createSignIn(provider.source, window);
    provider.open();
    post(API, popup, { type: 'threadline:signed-in', token });
    await vi.waitFor(() => expect(signIn.identity.value?.name).toBe('Ann Okafor'));
    expect(localStorage.getItem(KEY)).toBe(token);
    provider.signOut();
    await vi.waitFor(() => expect(signIn.identity.value).toBeNull());
    expect(localStorage.getItem(KEY)).toBeNull();
    signIn.dispose();
  });

  it('drops a stored token once it has expired, and one that is not a token at all', async () => {
    const { win } = fakeWindow();
    const provider = createProviderSignIn(API, win, () => {});
    localStorage.setItem(KEY, tokenFor(-1000));
    expect(await provider.source()).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
    localStorage.setItem(KEY, 'not-a-token');
    expect(await provider.source()).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
    const fresh = tokenFor(60_000);
    localStorage.setItem(KEY, fresh);
    expect(await provider.source()).toBe(fresh);
  });

  it('stops listening when disposed', () => {
    const { win, listeners } = fakeWindow();
    createProviderSignIn(API, win, () => {}).dispose();
    expect(listeners.size).toBe(0);
  });
});
