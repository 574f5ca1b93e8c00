import { afterEach, describe, expect, it } from 'vitest';
import type { Anchor } from '../protocol/types.ts';
import { comment, fakeBackend, testSession } from '../testing/fake-backend.ts';
import type { Session } from './session.ts';
import { createThreadView, type ThreadView, type ThreadViewOptions } from './thread-view.ts';

const trust: Anchor = { type: 'quote', exact: 'Connecticut Trust Act', key: 'k-trust' };
const chief: Anchor = { type: 'paragraph', exact: 'Chief Foti Koskinas', key: 'k-chief' };
const stored = () => [comment('plain'), comment('a', { anchor: trust }), comment('a1', { parentId: 'a' }), comment('b', { anchor: chief })];
const roots = (view: ThreadView) => view.thread.roots.value.map((r) => r.comment.id);

let sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions) s.dispose();
  sessions = [];
});
const open = (fake: ReturnType<typeof fakeBackend>, options: Partial<ThreadViewOptions> = {}) => {
  const session = testSession(fake.backend);
  sessions.push(session);
  return createThreadView(session, { settings: { maxDepth: 4, pageSize: 20 }, thread: { sort: 'oldest' }, ...options });
};

describe('the thread model', () => {
  it('"Show more comments" shows the next page under the first, until there is none', async () => {
    const fake = fakeBackend([comment('r1'), comment('r2'), comment('r3'), comment('r2a', { parentId: 'r2' })]);
    const view = open(fake, { settings: { maxDepth: 4, pageSize: 1 } });
    await view.thread.load();
    expect(roots(view)).toEqual(['r1']);
    expect(view.thread.hasMore.value).toBe(true);
    await view.thread.loadMore();
    expect(roots(view)).toEqual(['r1', 'r2']);
    expect(view.thread.roots.value[1]!.replies.map((r) => r.comment.id)).toEqual(['r2a']);
    await view.thread.loadMore();
    expect(roots(view)).toEqual(['r1', 'r2', 'r3']);
    expect(view.thread.hasMore.value).toBe(false);
    expect(fake.pages.map((p) => p.cursor)).toEqual([undefined, '1', '2']);
  });

  it('a live delete lowers the heading’s count; a live comment raises it', async () => {
    const view = open(fakeBackend(stored()));
    await view.thread.load();
    expect(view.thread.count.value).toBe(4);
    view.thread.applyEvent({ type: 'delete', id: 'a1', comment: null });
    expect(view.thread.count.value).toBe(3);
    view.thread.applyEvent({ type: 'comment', comment: comment('b1', { parentId: 'b' }) });
    expect(view.thread.count.value).toBe(4);
    expect(view.of.flags('b1').fresh).toBe(true);
  });

  it('the inline filter asks for anchored threads only, and takes only anchored comments live', async () => {
    const fake = fakeBackend(stored());
    const view = open(fake);
    await view.thread.load();
    expect(roots(view)).toEqual(['plain', 'a', 'b']);
    await view.thread.setFilter('inline');
    expect(fake.pages.at(-1)).toMatchObject({ filter: 'inline' });
    expect(roots(view)).toEqual(['a', 'b']);
    view.thread.applyEvent({ type: 'comment', comment: comment('late-plain') });
    view.thread.applyEvent({ type: 'comment', comment: comment('late-inline', { anchor: trust }) });
    view.thread.showIncoming();
    expect(roots(view)).toEqual(['a', 'b', 'late-inline']);
  });

  it('one passage’s panel: its anchors only, new comments at once, posts carry the passage', async () => {
    const fake = fakeBackend(stored());
    const panel = open(fake, {
      settings: { maxDepth: 3, pageSize: 50, isPanel: true },
      thread: { sort: 'oldest', anchors: () => ['k-trust'], accepts: (c) => c.anchor?.key === 'k-trust', showNewAtOnce: true },
      newAnchor: () => ({ type: 'quote', exact: 'detainer request' }),
      draftScope: 'inline:trust',
    });
    await panel.thread.load();
    expect(fake.pages.at(-1)).toMatchObject({ anchors: ['k-trust'] });
    expect(roots(panel)).toEqual(['a']);
    // Others' comments: this passage's show at once, another passage's and unrelated replies stay out.
    for (const c of [
      comment('other', { anchor: chief }),
      comment('r-plain', { parentId: 'plain' }),
      comment('same', { anchor: trust }),
      comment('a2', { parentId: 'a' }),
    ]) {
      panel.thread.applyEvent({ type: 'comment', comment: c });
    }
    expect(panel.thread.incoming.value).toEqual([]);
    expect(roots(panel)).toEqual(['a', 'same']);
    expect(panel.thread.roots.value[0]!.replies.map((r) => r.comment.id)).toEqual(['a1', 'a2']);
    // A top-level post is anchored to the passage; a reply is not.
    const posted = await panel.writes.post({ parentId: null, body: 'On the detainers', idempotencyKey: 'key-1' });
    expect(posted.anchor).toMatchObject({ exact: 'detainer request' });
    const reply = await panel.writes.post({ parentId: 'a', body: 'A reply', idempotencyKey: 'key-2' });
    expect(reply.anchor).toBeUndefined();
  });

  it('a passage nobody commented on yet asks the backend for nothing (no anchors would mean all)', async () => {
    const fake = fakeBackend(stored());
    const panel = open(fake, { thread: { sort: 'oldest', anchors: () => [], accepts: () => false } });
    await panel.thread.load();
    expect(fake.pages).toEqual([]);
    expect(panel.thread.status.value).toBe('ready');
    expect(panel.thread.roots.value).toEqual([]);
  });

  it('a panel’s post shows in the thread below as the reader’s own, counted once, with no effect between them', async () => {
    const fake = fakeBackend(stored());
    const session = testSession(fake.backend);
    sessions.push(session);
    const main = createThreadView(session, { settings: { maxDepth: 4, pageSize: 20 }, thread: { sort: 'oldest' } });
    const panel = createThreadView(session, {
      settings: { maxDepth: 3, pageSize: 50, isPanel: true },
      thread: { sort: 'oldest', anchors: () => ['k-trust'], accepts: (c) => c.anchor?.key === 'k-trust', showNewAtOnce: true },
      newAnchor: () => trust,
    });
    await Promise.all([main.thread.load(), panel.thread.load()]);
    session.connect(main.thread.version.value);
    const count = main.thread.count.value;
    const posted = await panel.writes.post({ parentId: null, body: 'From the margin', idempotencyKey: 'key-9' });
    // The live copy of it arrives too: still one comment, counted once.
    fake.emit({ type: 'comment', comment: posted });
    expect(main.thread.incoming.value).toEqual([]);
    expect(roots(main)).toContain(posted.id);
    expect(main.thread.count.value).toBe(count + 1);
    // One reader for both: the token the panel's post earned lets the thread below edit it.
    expect(main.of.owned(posted.id)?.token).toBe(`token-${posted.id}`);
  });
});
