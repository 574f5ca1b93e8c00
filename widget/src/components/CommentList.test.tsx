import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Comment } from '../protocol/types.ts';
import type { Session } from '../state/session.ts';
import { createThreadView, type ThreadView } from '../state/thread-view.ts';
import { countRenders, type RenderLog } from '../testing/count-renders.ts';
import { comment, type FakeBackend, fakeBackend, testSession } from '../testing/fake-backend.ts';
import { flush, type Rendered, renderInView } from '../testing/render-view.tsx';
import { loadWriteChunk } from '../write/load-write-chunk.ts';
import { CommentItem } from './CommentItem.tsx';
import { CommentList } from './CommentList.tsx';

// The write chunk is here, as it is once the browser was idle after the first screenful.
beforeAll(loadWriteChunk);

// A big thread: 100 top-level comments with two replies each. Renders are counted, never timed.
const THREAD: Comment[] = Array.from({ length: 100 }, (_, i) => [
  comment(`c${i}`, { body: `Comment ${i}` }),
  comment(`c${i}-r1`, { parentId: `c${i}`, body: `Reply ${i}.1` }),
  comment(`c${i}-r2`, { parentId: `c${i}`, body: `Reply ${i}.2` }),
]).flat();

let fake: FakeBackend;
let session: Session;
let view: ThreadView;
let shown: Rendered;
let renders: RenderLog;
beforeEach(async () => {
  localStorage.clear();
  fake = fakeBackend(THREAD.map((c) => ({ ...c })));
  session = testSession(fake.backend);
  view = createThreadView(session, { settings: { maxDepth: 4, pageSize: 100 }, thread: { sort: 'oldest' } });
  await view.thread.load();
  const Thread = () => <CommentList nodes={view.thread.roots.value} level={0} />;
  shown = renderInView(view, <Thread />);
  // The first screenful at once, the rest slice by slice.
  for (let slice = 0; slice < 30 && drawnCount() < 300; slice++) await flush();
  expect(drawnCount()).toBe(300);
  renders = countRenders(CommentItem);
});
afterEach(() => {
  renders.stop();
  shown.unmount();
  view.dispose();
  session.dispose();
});

const drawnCount = () => shown.container.querySelectorAll('article').length;

/** Holds the next POST until `release()`: the optimistic copy and the stored one are two steps. */
function holdNextPost() {
  const post = fake.backend.postComment.bind(fake.backend);
  let release = () => {};
  fake.backend.postComment = (req, opts) =>
    new Promise<Awaited<ReturnType<typeof post>>>((resolve, reject) => {
      release = () => void post(req, opts).then(resolve, reject);
    });
  return () => release();
}

describe('<CommentList> in a 300-comment thread re-renders only what changed', () => {
  it('posting a comment: the optimistic copy, then the stored copy, render that comment alone', async () => {
    const release = holdNextPost();
    const posting = view.writes.post({ parentId: null, body: 'Mine', idempotencyKey: 'k1' });
    await flush();
    expect(shown.text()).toContain('Mine');
    expect(renders.ids).toEqual(['pending-k1']);
    renders.reset();
    release();
    const stored = await posting;
    await flush();
    expect(shown.container.querySelector(`[data-comment-id="${stored.id}"]`)?.textContent).toContain('Mine');
    expect(renders.ids).toEqual([stored.id]);
  });

  it('posting a reply renders the reply and the comment it answers (its reply list grew), nothing else', async () => {
    const release = holdNextPost();
    const posting = view.writes.post({ parentId: 'c50', body: 'My reply', idempotencyKey: 'k2' });
    await flush();
    expect(renders.ids.sort()).toEqual(['c50', 'pending-k2']);
    renders.reset();
    release();
    const stored = await posting;
    await flush();
    expect(renders.ids.sort()).toEqual(['c50', stored.id].sort());
  });

  it('a vote, an edit and a live comment each render only the comments they touch', async () => {
    await view.writes.toggleVote(view.thread.data.value.comments.find((c) => c.id === 'c7')!);
    await flush();
    expect(new Set(renders.ids)).toEqual(new Set(['c7']));
    renders.reset();
    view.thread.applyEvent({ type: 'edit', comment: { ...THREAD.find((c) => c.id === 'c9-r1')!, body: 'Edited' } });
    await flush();
    expect(renders.ids.sort()).toEqual(['c9', 'c9-r1']);
    renders.reset();
    view.thread.applyEvent({ type: 'comment', comment: comment('live', { parentId: 'c3', body: 'Live' }) });
    await flush();
    expect(renders.ids.sort()).toEqual(['c3', 'live']);
    expect(shown.text()).toContain('Live');
  });
});

describe('<CommentList> draws a big page in slices', () => {
  it('draws the first screenful (ten comments) at once and the rest in later slices, in order', async () => {
    const big = createThreadView(session, { settings: { maxDepth: 4, pageSize: 100 }, thread: { sort: 'oldest' } });
    await big.thread.load();
    const Thread = () => <CommentList nodes={big.thread.roots.value} level={0} />;
    const second = renderInView(big, <Thread />);
    const ids = () => [...second.container.querySelectorAll('article')].map((a) => a.dataset.commentId);
    // Ten comments in drawing order: three top-level comments with their replies, and the fourth.
    expect(ids()).toEqual(THREAD.slice(0, 10).map((c) => c.id));
    const seen = new Set([ids().length]);
    for (let slice = 0; slice < 30 && ids().length < 300; slice++) {
      await flush();
      seen.add(ids().length);
    }
    expect(ids()).toEqual(THREAD.map((c) => c.id));
    // Several slices, not one jump.
    expect(seen.size).toBeGreaterThan(5);
    second.unmount();
    big.dispose();
  });

  it("a linked comment far down the page is drawn at once with the whole page (nothing drawn later can push it out of view), and so is the reader's new comment", async () => {
    const big = createThreadView(session, { settings: { maxDepth: 4, pageSize: 100 }, thread: { sort: 'oldest' } });
    await big.thread.load();
    const Thread = () => <CommentList nodes={big.thread.roots.value} level={0} />;
    const second = renderInView(big, <Thread />);
    const has = (id: string) => !!second.container.querySelector(`[data-comment-id="${id}"]`);
    expect(has('c90-r2')).toBe(false);
    await act(async () => void (await big.thread.showComment('c90-r2')));
    expect(has('c90-r2')).toBe(true);
    expect(has('c99')).toBe(true);
    holdNextPost();
    await act(() => void big.writes.post({ parentId: null, body: 'Mine', idempotencyKey: 'k3' }));
    expect(has('pending-k3')).toBe(true);
    second.unmount();
    big.dispose();
  });
});
