import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Comment } from '../protocol/types.ts';
import type { Session } from '../state/session.ts';
import { createThreadView, type ThreadView, ViewContext } from '../state/thread-view.ts';
import { comment, fakeBackend, testSession } from '../testing/fake-backend.ts';
import { flush } from '../testing/render-view.tsx';
import { CommentList } from './CommentList.tsx';

// Typical comments: one plain paragraph; some with replies, some with votes, half by signed-in (verified) readers.
const THREAD: Comment[] = Array.from({ length: 10 }, (_, i) => [
  comment(`c${i}`, {
    body: `A plain comment of a sentence or two, number ${i}.`,
    score: i % 3,
    author: i % 2 ? { name: `Reader ${i}`, verified: true } : { name: `Guest ${i}` },
  }),
  ...(i % 2
    ? [
        comment(`c${i}-r1`, { parentId: `c${i}`, body: `A reply to ${i}.`, score: 1, author: { name: 'Ann', verified: true } }),
        comment(`c${i}-r2`, { parentId: `c${i}`, body: `Another reply to ${i}.`, author: { name: 'Bo' } }),
      ]
    : []),
]).flat();

let session: Session;
let view: ThreadView;
let host: HTMLElement;
let root: ShadowRoot;
beforeEach(async () => {
  localStorage.clear();
  session = testSession(fakeBackend(THREAD.map((c) => ({ ...c }))).backend);
  // The reader may change their own comment: Edit and Delete wait behind "More" like Report.
  session.reader.own('c4', { token: 'tok', until: Date.now() + 600_000 });
  view = createThreadView(session, { settings: { maxDepth: 4, pageSize: 20 }, thread: { sort: 'oldest' } });
  await view.thread.load();
  host = document.createElement('div');
  document.body.append(host);
  root = host.attachShadow({ mode: 'open' });
  const Thread = () => <CommentList nodes={view.thread.roots.value} level={0} />;
  act(() => render(<ViewContext.Provider value={view}>{<Thread />}</ViewContext.Provider>, root));
  for (let i = 0; i < 10 && root.querySelectorAll('article').length < THREAD.length; i++) await flush();
});
afterEach(() => {
  act(() => render(null, root));
  host.remove();
  view.dispose();
  session.dispose();
});

/** Elements and text nodes under `node`, itself included. */
function countNodes(node: Node): number {
  let n = 1;
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 || c.nodeType === 3) n += countNodes(c);
  return n;
}
/** A comment's own nodes: its list item without its reply list (which counts with the replies it lists). */
function ownNodes(id: string): number {
  const li = root.getElementById(`comment-${id}`)!;
  const replies = li.querySelector(':scope > ol');
  return countNodes(li) - (replies ? countNodes(replies) : 0);
}
const article = (id: string) => root.querySelector<HTMLElement>(`[data-comment-id="${id}"]`)!;

describe('a typical comment in the DOM', () => {
  it('is all there: name, time, text, vote with its count, Reply, fold replies, More', () => {
    expect(root.querySelectorAll('article')).toHaveLength(THREAD.length);
    const c1 = article('c1');
    expect(c1.textContent).toContain('Reader 1');
    expect(c1.querySelector('.tl-author')?.getAttribute('data-verified')).toBe('Verified');
    expect(c1.querySelector('time')?.textContent).toMatch(/ago/);
    expect(c1.textContent).toContain('A plain comment of a sentence or two, number 1.');
    expect(c1.querySelector('[data-action="vote"]')?.getAttribute('data-label')).toBe('▲ 1');
    expect(c1.querySelector('[data-action="reply"]')?.getAttribute('aria-label')).toBe('Reply to Reader 1');
    expect(c1.querySelector('[data-action="toggle"]')?.getAttribute('aria-label')).toBe('Hide 2 replies');
    expect(c1.querySelector('[data-action="more"]')?.getAttribute('aria-label')).toBe('More actions for the comment by Reader 1');
    expect(article('c4').querySelector('[data-action="more"]')).not.toBeNull();
  });

  it('costs at most 15 nodes (elements and text), and the thread at most 15 per comment with its lists', () => {
    const perComment = THREAD.map((c) => [c.id, ownNodes(c.id)] as const);
    expect(perComment.filter(([, nodes]) => nodes > 15)).toEqual([]);
    expect(countNodes(root.firstChild!) / THREAD.length).toBeLessThanOrEqual(15);
  });
});
