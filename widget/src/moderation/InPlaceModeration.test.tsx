import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../components/App.tsx';
import type { AdminComment } from '../protocol/moderation.ts';
import type { Session } from '../state/session.ts';
import { createThreadView, type ThreadView } from '../state/thread-view.ts';
import { comment, fakeBackend, testSession, testToken } from '../testing/fake-backend.ts';
import { click, flush, type Rendered, renderInView } from '../testing/render-view.tsx';

let session: Session;
let view: ThreadView;
let shown: Rendered;
afterEach(() => {
  shown.unmount();
  view.dispose();
  session.dispose();
  vi.unstubAllGlobals();
});

const exp = Math.floor(Date.now() / 1000) + 600;
const moderator = testToken({ sub: 'ed-1', name: 'Mo Editor', roles: ['moderator'], exp });
const reader = testToken({ sub: 'r-1', name: 'Ann Reader', roles: ['staff'], exp });
const admin = (id: string, over: Partial<AdminComment> = {}): AdminComment => ({
  ...comment(id),
  authorEmail: null,
  ipHash: 'iphash-1',
  ...over,
});

/** The moderators' API as the server answers it: the thread's comments, and every request recorded. */
function stubAdminApi(listed: AdminComment[], writeStatus = 200) {
  const calls: { method: string; path: string; auth: string | null; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: URL, init: RequestInit) => {
    const path = `${url.pathname}${url.search}`;
    calls.push({
      method: init.method ?? 'GET',
      path,
      auth: new Headers(init.headers).get('authorization'),
      body: init.body ? JSON.parse(String(init.body)) : null,
    });
    const json = init.method === 'GET' ? { comments: listed, nextBefore: null } : { ok: true };
    if (init.method !== 'GET' && writeStatus !== 200)
      return new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'no' } }), { status: writeStatus });
    return new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

async function show(token: string, listed: AdminComment[], writeStatus = 200) {
  localStorage.clear();
  const calls = stubAdminApi(listed, writeStatus);
  const fake = fakeBackend([comment('pub', { author: { name: 'Pat' }, body: 'A published one' })]);
  Object.assign(fake.backend, { adminApi: 'https://comments.example/api/admin/' });
  session = testSession(fake.backend, '/t', { auth: async () => token });
  view = createThreadView(session, { settings: { maxDepth: 4, pageSize: 20 }, thread: { sort: 'oldest' } });
  await view.thread.load();
  shown = renderInView(view, <App view={view} />);
  // Sign-in, the lazy chunk, and the admin list: several turns (a reader's never come).
  if (token === moderator) await vi.waitFor(() => expect(shown.container.querySelector('.tl-mod')).not.toBeNull(), { timeout: 5000 });
  for (let i = 0; i < 4; i++) await flush();
  return calls;
}

const held = () => shown.container.querySelector('.tl-held');
const controlsOf = (id: string) => shown.container.querySelector(`[data-comment-id="${id}"] .tl-mod`);

describe('moderating in place', () => {
  it('shows a moderator the thread’s held comments, marked, and controls on every comment', async () => {
    const calls = await show(moderator, [
      admin('wait', { status: 'pending', author: { name: 'Quinn' }, body: 'Held for approval' }),
      admin('flagged', {
        status: 'pending',
        heldFor: 'reports',
        body: 'Held by reports',
        reports: [{ reason: 'spam', note: null, at: '2026-01-01T00:00:00Z' }],
      }),
      admin('pub', { reports: [{ reason: 'abuse', note: null, at: '2026-01-01T00:00:00Z' }] }),
    ]);
    expect(calls[0]).toMatchObject({ method: 'GET', path: '/api/admin/comments?thread=%2Ft&limit=200', auth: `Bearer ${moderator}` });
    expect(held()?.querySelector('h3')?.textContent).toBe('Held for moderation (2)');
    const wait = held()!.querySelector('[data-comment-id="wait"]')!;
    expect(wait.textContent).toContain('Awaiting approval');
    expect(held()!.querySelector('[data-comment-id="flagged"]')!.textContent).toContain('Held by reader reports');
    expect([...wait.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Approve', 'Reject', 'Delete', 'Ban author']);
    // A published comment with open reports says so, and may be featured, not approved.
    expect(controlsOf('pub')!.textContent).toContain('Reported 1×');
    expect([...controlsOf('pub')!.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Reject',
      'Feature',
      'Delete',
      'Ban author',
    ]);
  });

  it('approves, features and bans through the admin API with the moderator’s token', async () => {
    const calls = await show(moderator, [admin('wait', { status: 'pending', body: 'Held for approval' }), admin('pub')]);
    await click(held()!.querySelector<HTMLButtonElement>('[data-comment-id="wait"] button')!);
    for (let i = 0; i < 4; i++) await flush();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/api/admin/comments/wait/approve', auth: `Bearer ${moderator}` });
    await click([...controlsOf('pub')!.querySelectorAll('button')].find((b) => b.textContent === 'Feature')!);
    await click([...controlsOf('pub')!.querySelectorAll('button')].find((b) => b.textContent === 'Ban author')!);
    for (let i = 0; i < 4; i++) await flush();
    const writes = calls.filter((c) => c.method !== 'GET').map((c) => [c.path, c.body]);
    expect(writes).toEqual([
      ['/api/admin/comments/wait/approve', null],
      ['/api/admin/comments/pub/feature', { featured: true }],
      ['/api/admin/bans', { kind: 'ip', value: 'iphash-1', banned: true }],
    ]);
  });

  it('says so when the server refuses an action, and keeps the comment held', async () => {
    await show(moderator, [admin('wait', { status: 'pending', body: 'Held for approval' })], 401);
    await click(held()!.querySelector<HTMLButtonElement>('[data-comment-id="wait"] button')!);
    await vi.waitFor(() => expect(held()!.querySelector('[role="alert"]')?.textContent).toBe('That did not work. Try again.'));
    expect(held()!.querySelector('[data-comment-id="wait"]')).not.toBeNull();
  });

  it('shows other signed-in readers nothing of it, and asks the admin API nothing', async () => {
    const calls = await show(reader, [admin('wait', { status: 'pending' })]);
    expect(held()).toBeNull();
    expect(shown.container.querySelector('.tl-mod')).toBeNull();
    expect(calls).toEqual([]);
  });
});
