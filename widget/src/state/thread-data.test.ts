// @vitest-environment node
// Pure functions: no DOM needed, and Node starts faster than a DOM.
import { describe, expect, it } from 'vitest';
import type { Comment, ThreadResponse } from '../protocol/types.ts';
import { comment } from '../testing/fake-backend.ts';
import {
  applyDelete,
  applyLiveEvent,
  applyNextPage,
  applyOptimistic,
  applyPosted,
  applyPostFailed,
  applyServerPage,
  includeComment,
  showIncoming,
  type ThreadData,
  type ThreadScope,
} from './thread-data.ts';

const page = (comments: Comment[], commentCount = comments.length, nextCursor: string | null = null): ThreadResponse => ({
  thread: { key: '/t', title: null, url: null, commentCount, version: 7 },
  comments,
  nextCursor,
});
const whole: ThreadScope = { isScoped: false };
const ids = (data: ThreadData) => data.comments.map((c) => c.id);
const count = (data: ThreadData) => data.info?.commentCount;

describe('thread data: pages', () => {
  it('a first page replaces what was shown, keeps what is still sending, and continues from its version', () => {
    const sending = comment('pending-1');
    const data = applyServerPage(page([comment('a'), comment('b')], 2, 'next'), [sending]);
    expect(ids(data)).toEqual(['a', 'b', 'pending-1']);
    expect(data.cursor).toBe('next');
    expect(data.version).toBe(7);
    const reloaded = applyServerPage(page([comment('c')]), []);
    expect(ids(reloaded)).toEqual(['c']);
  });

  it('"Show more comments" adds its page after what is shown and moves the cursor on', () => {
    const first = applyServerPage(page([comment('a')], 3, '1'));
    const more = applyNextPage(first, page([comment('b'), comment('b1', { parentId: 'b' })], 3, null));
    expect(ids(more)).toEqual(['a', 'b', 'b1']);
    expect(more.cursor).toBeNull();
  });
});

describe('thread data: live events', () => {
  const loaded = applyServerPage(page([comment('a'), comment('a1', { parentId: 'a' }), comment('old', { status: 'deleted' })], 2));

  it('a new top-level comment waits behind "Show N new comments"; a reply shows at once, fresh; both count', () => {
    const top = applyLiveEvent(loaded, { type: 'comment', comment: comment('n') }, whole);
    expect(top.data.incoming.map((c) => c.id)).toEqual(['n']);
    expect(ids(top.data)).not.toContain('n');
    expect(count(top.data)).toBe(3);
    const reply = applyLiveEvent(top.data, { type: 'comment', comment: comment('a2', { parentId: 'a' }) }, whole);
    expect(ids(reply.data)).toContain('a2');
    expect(reply.fresh).toEqual(['a2']);
    expect(count(reply.data)).toBe(4);
    const shown = showIncoming(reply.data);
    expect(ids(shown.data)).toContain('n');
    expect(shown.fresh).toEqual(['n']);
  });

  it('the same comment twice, or the reader’s own post still on its way, is not added again', () => {
    const once = applyLiveEvent(loaded, { type: 'comment', comment: comment('a1', { parentId: 'a' }) }, whole);
    expect(once.data).toBe(loaded);
    const mine = applyLiveEvent(loaded, { type: 'comment', comment: comment('x', { parentId: 'a' }) }, whole, () => true);
    expect(mine.data).toBe(loaded);
  });

  it('a scoped view takes only comments it accepts, and replies in threads it shows', () => {
    const scope: ThreadScope = { isScoped: true, accepts: (c) => c.anchor?.key === 'k', showNewAtOnce: true };
    const plain = applyLiveEvent(loaded, { type: 'comment', comment: comment('p') }, scope);
    expect(plain.data).toBe(loaded);
    const anchored = applyLiveEvent(
      loaded,
      { type: 'comment', comment: comment('q', { anchor: { type: 'paragraph', exact: 'x', key: 'k' } }) },
      scope,
    );
    expect(ids(anchored.data)).toContain('q');
    const stray = applyLiveEvent(loaded, { type: 'comment', comment: comment('r', { parentId: 'elsewhere' }) }, scope);
    expect(stray.data).toBe(loaded);
  });

  it('a delete of a published comment lowers the count; of a placeholder or an unknown one, not', () => {
    const gone = applyLiveEvent(loaded, { type: 'delete', id: 'a1', comment: null }, whole);
    expect(ids(gone.data)).toEqual(['a', 'old']);
    expect(count(gone.data)).toBe(1);
    const left = applyLiveEvent(loaded, { type: 'delete', id: 'a', comment: comment('a', { status: 'deleted', body: '' }) }, whole);
    expect(left.data.comments.find((c) => c.id === 'a')?.status).toBe('deleted');
    expect(count(left.data)).toBe(1);
    expect(count(applyDelete(loaded, 'old', null))).toBe(2);
    expect(count(applyDelete(loaded, 'unknown', null))).toBe(2);
  });

  it('an edit replaces the comment, wherever it is; a vote sets its score', () => {
    const waiting = applyLiveEvent(loaded, { type: 'comment', comment: comment('n') }, whole).data;
    const edited = applyLiveEvent(waiting, { type: 'edit', comment: comment('n', { body: 'better' }) }, whole).data;
    expect(edited.incoming[0]?.body).toBe('better');
    const edited2 = applyLiveEvent(edited, { type: 'edit', comment: comment('a', { body: 'changed' }) }, whole).data;
    expect(edited2.comments[0]?.body).toBe('changed');
    const voted = applyLiveEvent(edited2, { type: 'vote', id: 'a', score: 5 }, whole).data;
    expect(voted.comments[0]?.score).toBe(5);
  });
});

describe('thread data: the reader’s own posts', () => {
  const loaded = applyServerPage(page([comment('a')], 1));

  it('shows a post at once and counts it; the server’s copy takes its place; a held one is not counted', () => {
    const optimistic = applyOptimistic(loaded, comment('pending-k'));
    expect(count(optimistic)).toBe(2);
    const posted = applyPosted(optimistic, 'pending-k', comment('real'));
    expect(ids(posted)).toEqual(['a', 'real']);
    expect(count(posted)).toBe(2);
    const held = applyPosted(optimistic, 'pending-k', comment('real', { status: 'pending' }));
    expect(count(held)).toBe(1);
  });

  it('a failed post takes the comment and its count back', () => {
    const failed = applyPostFailed(applyOptimistic(loaded, comment('pending-k')), 'pending-k');
    expect(ids(failed)).toEqual(['a']);
    expect(count(failed)).toBe(1);
  });

  it('a post from another view shows as the reader’s own, counted once even if it already waited as new', () => {
    const mine = comment('mine');
    const waiting = applyLiveEvent(loaded, { type: 'comment', comment: mine }, whole).data;
    const included = includeComment(waiting, mine);
    expect(included.incoming).toEqual([]);
    expect(ids(included)).toContain('mine');
    expect(count(included)).toBe(2);
    expect(includeComment(included, mine)).toBe(included);
    expect(count(includeComment(loaded, mine))).toBe(2);
  });
});
