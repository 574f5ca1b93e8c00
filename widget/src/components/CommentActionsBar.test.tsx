import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BackendError } from '../backend/backend-error.ts';
import type { Session } from '../state/session.ts';
import { createThreadView, type ThreadView } from '../state/thread-view.ts';
import { comment, type FakeBackend, fakeBackend, testSession } from '../testing/fake-backend.ts';
import { click, type Rendered, renderInView } from '../testing/render-view.tsx';
import { loadWriteChunk } from '../write/load-write-chunk.ts';
import { CommentList } from './CommentList.tsx';

// The write chunk is here, as it is once the browser was idle after the first screenful.
beforeAll(loadWriteChunk);

let fake: FakeBackend;
let session: Session;
let view: ThreadView;
let shown: Rendered;
const Thread = () => <CommentList nodes={view.thread.roots.value} level={0} />;
beforeEach(async () => {
  localStorage.clear();
  fake = fakeBackend([comment('theirs', { author: { name: 'Ann' } }), comment('mine', { author: { name: 'Me' } })]);
  session = testSession(fake.backend);
  // The reader wrote "mine" a minute ago in this browser: they hold its edit token.
  session.reader.own('mine', { token: 'tok', until: Date.now() + 600_000 });
  view = createThreadView(session, { settings: { maxDepth: 4, pageSize: 20 }, thread: { sort: 'oldest' } });
  await view.thread.load();
  shown = renderInView(view, <Thread />);
});
afterEach(() => {
  shown.unmount();
  view.dispose();
  session.dispose();
});

const bar = (id: string) => shown.container.querySelector(`[data-comment-id="${id}"] .tl-actions`)!;
const buttonIn = (id: string, text: string) => [...bar(id).querySelectorAll('button')].find((b) => b.textContent?.includes(text));

describe('<CommentActionsBar>', () => {
  it('an upvote shows at once, pressed, and is sent; pressing again takes it back', async () => {
    const vote = buttonIn('theirs', 'Upvote')!;
    await click(vote);
    expect(vote.getAttribute('aria-pressed')).toBe('true');
    expect(vote.textContent).toContain('1');
    expect(fake.votes).toEqual([{ id: 'theirs', on: true }]);
    await click(vote);
    expect(vote.getAttribute('aria-pressed')).toBe('false');
    expect(fake.votes.at(-1)).toEqual({ id: 'theirs', on: false });
  });

  it('a refused vote goes back, and the reader is told why', async () => {
    fake.failNext(new BackendError('rate_limited', 'Slow down', 429, undefined, 30));
    const vote = buttonIn('theirs', 'Upvote')!;
    await click(vote);
    expect(vote.getAttribute('aria-pressed')).toBe('false');
    expect(vote.textContent).not.toContain('1');
    expect(shown.text()).toContain('Too many attempts');
  });

  it('offers Edit and Delete on the reader’s own comment only', () => {
    expect(buttonIn('mine', 'Edit')).toBeDefined();
    expect(buttonIn('mine', 'Delete')).toBeDefined();
    expect(buttonIn('theirs', 'Edit')).toBeUndefined();
    expect(buttonIn('theirs', 'Delete')).toBeUndefined();
  });

  it('Delete asks first; yes takes the comment away and lowers the count', async () => {
    const before = view.thread.count.value;
    await click(buttonIn('mine', 'Delete')!);
    expect(shown.text()).toContain('Delete this comment?');
    const yes = shown.container.querySelector<HTMLButtonElement>('.tl-confirm .tl-button-danger')!;
    await click(yes);
    expect(shown.container.querySelector('[data-comment-id="mine"]')).toBeNull();
    expect(view.thread.count.value).toBe(before - 1);
  });

  it('Edit opens the text in a box; saving shows the new text', async () => {
    await click(buttonIn('mine', 'Edit')!);
    const box = shown.container.querySelector<HTMLTextAreaElement>('[data-comment-id="mine"] textarea')!;
    expect(box.value).toBe('body mine');
    box.value = 'Better words';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await click(shown.container.querySelector<HTMLButtonElement>('[data-comment-id="mine"] .tl-button-primary')!);
    expect(shown.container.querySelector('[data-comment-id="mine"]')!.textContent).toContain('Better words');
  });
});
