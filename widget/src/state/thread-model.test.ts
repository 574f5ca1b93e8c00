import { describe, expect, it } from 'vitest';
import type { CommentsBackend } from '../backend/backend.ts';
import type { Anchor, Comment, PageRequest } from '../protocol/types.ts';
import { createThreadModel } from './thread-model.ts';

const page = { title: 'Story', url: 'https://news.example/story' };
const trust: Anchor = { type: 'quote', exact: 'Connecticut Trust Act', key: 'k-trust' };
const chief: Anchor = { type: 'paragraph', exact: 'Chief Foti Koskinas', key: 'k-chief' };

let seq = 0;
const comment = (id: string, over: Partial<Comment> = {}): Comment => ({
  id,
  thread: '/t',
  parentId: null,
  author: { name: null },
  body: `body ${id}`,
  createdAt: new Date(Date.UTC(2024, 0, 1) + ++seq * 1000).toISOString(),
  status: 'published',
  ...over,
});

/** A backend holding `stored`, recording every page request; posts echo the request back. */
function backendWith(stored: Comment[]) {
  const requests: PageRequest[] = [];
  const backend: CommentsBackend = {
    listThread: async (key, req = {}) => {
      requests.push(req);
      const roots = stored.filter(
        (c) => c.parentId === null && (req.anchors ? req.anchors.includes(c.anchor?.key ?? '') : req.filter !== 'inline' || c.anchor),
      );
      const ids = new Set(roots.map((c) => c.id));
      return {
        thread: { key, title: null, url: null, commentCount: stored.length },
        comments: stored.filter((c) => ids.has(c.id) || (c.parentId && ids.has(c.parentId))),
        nextCursor: null,
      };
    },
    postComment: async (req) => ({
      comment: comment(`new${requests.length}`, {
        body: req.body,
        parentId: req.parentId ?? null,
        ...(req.anchor ? { anchor: { ...req.anchor, key: 'k-new' } } : {}),
      }),
    }),
  };
  return { backend, requests };
}

const stored = [comment('plain'), comment('a', { anchor: trust }), comment('a1', { parentId: 'a' }), comment('b', { anchor: chief })];

describe('a thread scoped to passages (inline comments)', () => {
  it('the inline filter asks for anchored threads only, and takes only anchored comments live', async () => {
    const { backend, requests } = backendWith(stored);
    const thread = createThreadModel(backend, '/t', page, { pageSize: 20, sort: 'oldest' });
    await thread.load();
    expect(thread.roots.value.map((r) => r.comment.id)).toEqual(['plain', 'a', 'b']);
    await thread.setFilter('inline');
    expect(requests.at(-1)).toMatchObject({ filter: 'inline' });
    expect(thread.roots.value.map((r) => r.comment.id)).toEqual(['a', 'b']);
    thread.applyEvent({ type: 'comment', comment: comment('late-plain') });
    thread.applyEvent({ type: 'comment', comment: comment('late-inline', { anchor: trust }) });
    thread.showIncoming();
    expect(thread.roots.value.map((r) => r.comment.id)).toEqual(['a', 'b', 'late-inline']);
  });

  it('one passage’s panel: its anchors only, new comments at once, posts carry the passage', async () => {
    const { backend, requests } = backendWith(stored);
    const panel = createThreadModel(backend, '/t', page, {
      pageSize: 50,
      sort: 'oldest',
      anchors: () => ['k-trust'],
      accepts: (c) => c.anchor?.key === 'k-trust',
      newAnchor: () => ({ type: 'quote', exact: 'detainer request' }),
      draftScope: 'inline:trust',
      showNewAtOnce: true,
    });
    await panel.load();
    expect(requests.at(-1)).toMatchObject({ anchors: ['k-trust'] });
    expect(panel.draftKey).toBe('/t#inline:trust');
    expect(panel.roots.value.map((r) => r.comment.id)).toEqual(['a']);
    // Others' comments: this passage's show at once, another passage's and unrelated replies stay out.
    panel.applyEvent({ type: 'comment', comment: comment('other', { anchor: chief }) });
    panel.applyEvent({ type: 'comment', comment: comment('r-plain', { parentId: 'plain' }) });
    panel.applyEvent({ type: 'comment', comment: comment('same', { anchor: trust }) });
    panel.applyEvent({ type: 'comment', comment: comment('a2', { parentId: 'a' }) });
    expect(panel.incoming.value).toEqual([]);
    expect(panel.roots.value.map((r) => r.comment.id)).toEqual(['a', 'same']);
    expect(panel.roots.value[0]!.replies.map((r) => r.comment.id)).toEqual(['a1', 'a2']);
    // A top-level post is anchored to the passage; a reply is not.
    const posted = await panel.post(null, 'On the detainers', { name: '', email: '', website: '' }, 'key-1');
    expect(posted.comment.anchor).toMatchObject({ exact: 'detainer request' });
    const reply = await panel.post('a', 'A reply', { name: '', email: '', website: '' }, 'key-2');
    expect(reply.comment.anchor).toBeUndefined();
  });

  it('a passage nobody commented on yet asks the backend for nothing (no anchors would mean all)', async () => {
    const { backend, requests } = backendWith(stored);
    const panel = createThreadModel(backend, '/t', page, { pageSize: 50, sort: 'oldest', anchors: () => [], accepts: () => false });
    await panel.load();
    expect(requests).toEqual([]);
    expect(panel.status.value).toBe('ready');
    expect(panel.roots.value).toEqual([]);
  });

  it('include() shows the reader’s comment from a panel as theirs, even if it already waits as new', async () => {
    const { backend } = backendWith(stored);
    const thread = createThreadModel(backend, '/t', page, { pageSize: 20, sort: 'oldest' });
    await thread.load();
    const mine = comment('mine', { anchor: trust });
    thread.applyEvent({ type: 'comment', comment: mine });
    expect(thread.incoming.value.map((c) => c.id)).toEqual(['mine']);
    const count = thread.count.value;
    thread.include(mine);
    thread.include(mine);
    expect(thread.incoming.value).toEqual([]);
    expect(thread.roots.value.map((r) => r.comment.id)).toContain('mine');
    expect(thread.count.value).toBe(count);
    expect(thread.find('mine')).toEqual(mine);
  });
});
