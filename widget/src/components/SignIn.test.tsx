import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../state/session.ts';
import { createThreadView, type ThreadView } from '../state/thread-view.ts';
import { comment, fakeBackend, testSession, testToken } from '../testing/fake-backend.ts';
import { flush, type Rendered, renderInView } from '../testing/render-view.tsx';
import { App } from './App.tsx';

let session: Session;
let view: ThreadView;
let shown: Rendered;
afterEach(() => {
  shown.unmount();
  view.dispose();
  session.dispose();
});

const ann = testToken({ sub: 'user-41', name: 'Ann Lee', exp: Math.floor(Date.now() / 1000) + 600 });

async function show(options: { token?: string | null; identity?: 'optional' | 'required'; stored?: ReturnType<typeof comment>[] } = {}) {
  localStorage.clear();
  const fake = fakeBackend(options.stored ?? []);
  const listThread = fake.backend.listThread;
  // The server announces who may post with every thread read.
  fake.backend.listThread = async (...args) => ({
    ...(await listThread(...args)),
    features: { pow: false, identity: options.identity ?? 'optional' },
  });
  session = testSession(fake.backend, '/t', {
    auth: async () => options.token ?? null,
    signInLinks: { loginUrl: 'https://news.example/login', logoutUrl: 'https://news.example/logout' },
  });
  view = createThreadView(session, { settings: { maxDepth: 4, pageSize: 20 }, thread: { sort: 'oldest' } });
  await view.thread.load();
  shown = renderInView(view, <App view={view} />);
  await flush();
  return fake;
}
const labels = () => [...shown.container.querySelectorAll('label')].map((l) => l.textContent ?? '');
const link = (text: string) => [...shown.container.querySelectorAll('a')].find((a) => a.textContent === text);

describe('signing in, as a reader sees it', () => {
  it('shows a signed-in reader their name instead of name and email fields, with a way to sign out', async () => {
    await show({ token: ann });
    expect(shown.text()).toContain('Signed in as Ann Lee');
    expect(labels().some((l) => /^Name|^Email/.test(l))).toBe(false);
    expect(link('Sign out')?.getAttribute('href')).toBe('https://news.example/logout');
  });

  it('gives a guest the fields and a "Sign in" link', async () => {
    await show();
    expect(labels().some((l) => l.startsWith('Name'))).toBe(true);
    expect(link('Sign in')?.getAttribute('href')).toBe('https://news.example/login');
  });

  it('shows "Sign in to comment" where the form was when the site requires it, and the form once signed in', async () => {
    await show({ identity: 'required', stored: [comment('a', { body: 'Readable by all' })] });
    expect(shown.container.querySelector('textarea')).toBeNull();
    expect(link('Sign in to comment')?.getAttribute('href')).toBe('https://news.example/login');
    expect(shown.text()).toContain('Readable by all');
    shown.unmount();
    view.dispose();
    session.dispose();
    await show({ identity: 'required', token: ann });
    expect(shown.container.querySelector('textarea')).not.toBeNull();
    expect(shown.text()).not.toContain('Sign in to comment');
  });

  it('marks verified authors and gives staff their badge; guests get neither', async () => {
    await show({
      stored: [
        comment('a', { author: { name: 'Ann Lee', verified: true } }),
        comment('b', { author: { name: 'Desk Editor', verified: true, badge: 'staff' } }),
        comment('c', { author: { name: 'Ann Lee' } }),
      ],
    });
    const meta = (id: string) => shown.container.querySelector(`[data-comment-id="${id}"]`)!;
    // The mark is the name's ::after, its alt text the data-verified words.
    const verified = '.tl-author[data-verified="Verified"]';
    expect(meta('a').querySelector(verified)).not.toBeNull();
    expect(meta('a').textContent).not.toContain('Staff');
    expect(meta('b').querySelector(verified)).not.toBeNull();
    expect(meta('b').textContent).toContain('Staff');
    expect(meta('c').querySelector('[data-verified]')).toBeNull();
    expect(meta('c').textContent).not.toContain('Staff');
  });
});

describe('signing in with the server’s OpenID provider, as a reader sees it', () => {
  const API = 'https://comments.example';
  async function showWithProvider(oidc: boolean, storedToken?: string) {
    localStorage.clear();
    if (storedToken) localStorage.setItem(`threadline:oidc-token:${API}`, storedToken);
    const fake = fakeBackend([]);
    const listThread = fake.backend.listThread;
    fake.backend.listThread = async (...args) => ({
      ...(await listThread(...args)),
      features: { pow: false, identity: 'optional', ...(oidc ? { oidc } : {}) },
    });
    // A site without sign-in of its own: no auth, no login links.
    session = testSession(fake.backend, '/t', { api: API });
    view = createThreadView(session, { settings: { maxDepth: 4, pageSize: 20 }, thread: { sort: 'oldest' } });
    await view.thread.load();
    shown = renderInView(view, <App view={view} />);
    await flush();
  }
  const button = (text: string) => [...shown.container.querySelectorAll('button')].find((b) => b.textContent === text);

  it('offers "Sign in" only where the server says it works, and opens the provider in a popup', async () => {
    await showWithProvider(false);
    expect(button('Sign in')).toBeUndefined();
    shown.unmount();
    view.dispose();
    session.dispose();
    await showWithProvider(true);
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    button('Sign in')!.click();
    expect(open).toHaveBeenCalledWith(
      `${API}/api/auth/oidc/start?origin=${encodeURIComponent(location.origin)}`,
      'threadline-sign-in',
      expect.any(String),
    );
    open.mockRestore();
  });

  it('shows the stored sign-in, and "Sign out" forgets it', async () => {
    await showWithProvider(true, testToken({ sub: 'oidc:ann', name: 'Ann Okafor', exp: Math.floor(Date.now() / 1000) + 600 }));
    await vi.waitFor(() => expect(shown.text()).toContain('Signed in as Ann Okafor'));
    button('Sign out')!.click();
    await vi.waitFor(() => expect(labels().some((l) => l.startsWith('Name'))).toBe(true));
    expect(localStorage.getItem(`threadline:oidc-token:${API}`)).toBeNull();
    expect(button('Sign in')).toBeDefined();
  });

  it('signs the reader out when the server refuses their stored token', async () => {
    await showWithProvider(true, testToken({ sub: 'oidc:ann', name: 'Ann Okafor', exp: Math.floor(Date.now() / 1000) + 600 }));
    await vi.waitFor(() => expect(shown.text()).toContain('Signed in as Ann Okafor'));
    session.rejectToken();
    await vi.waitFor(() => expect(shown.text()).not.toContain('Signed in as'));
    expect(localStorage.getItem(`threadline:oidc-token:${API}`)).toBeNull();
  });
});
