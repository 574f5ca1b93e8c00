import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BackendError } from '../backend/backend-error.ts';
import type { Session } from '../state/session.ts';
import { createThreadView, type ThreadView } from '../state/thread-view.ts';
import { type FakeBackend, fakeBackend, testSession } from '../testing/fake-backend.ts';
import { click, flush, type Rendered, renderInView, type } from '../testing/render-view.tsx';
import { loadWriteChunk } from '../write/load-write-chunk.ts';
import { Composer } from './Composer.tsx';

// The write chunk is here, as it is once the browser was idle after the first screenful.
beforeAll(loadWriteChunk);

let fake: FakeBackend;
let session: Session;
let view: ThreadView;
let shown: Rendered;
beforeEach(async () => {
  localStorage.clear();
  fake = fakeBackend();
  session = testSession(fake.backend);
  view = createThreadView(session, { settings: { maxDepth: 4, pageSize: 20 }, thread: { sort: 'oldest' } });
  await view.thread.load();
  shown = renderInView(view, <Composer composer={view.composerFor(null)} />);
});
afterEach(() => {
  shown.unmount();
  view.dispose();
  session.dispose();
});

const box = () => shown.container.querySelector('textarea')!;
const field = (label: RegExp) =>
  [...shown.container.querySelectorAll('label')].find((l) => label.test(l.textContent ?? ''))!.control as HTMLInputElement;

describe('<Composer>', () => {
  it('posts what the reader wrote under the name they typed, then empties the box', async () => {
    await type(box(), '  A thought  ');
    await type(field(/^Name/), 'Ann');
    await click(shown.button('Post comment'));
    await flush();
    expect(fake.posts[0]?.req).toMatchObject({ body: 'A thought', author: { name: 'Ann' } });
    expect(box().value).toBe('');
    expect(view.thread.roots.value.map((r) => r.comment.body)).toEqual(['A thought']);
  });

  it('an empty comment is refused before anything is sent, with the reason beside the box', async () => {
    await click(shown.button('Post comment'));
    expect(fake.posts).toEqual([]);
    expect(shown.text()).toContain('Write something before posting.');
    expect(box().getAttribute('aria-invalid')).toBe('true');
  });

  it('a failed post gives the text back and says why; the comment does not stay on the page', async () => {
    fake.failNext(new BackendError('network', 'Failed to fetch'));
    await type(box(), 'Five minutes of careful writing');
    await click(shown.button('Post comment'));
    await flush();
    expect(box().value).toBe('Five minutes of careful writing');
    expect(shown.text()).toContain('Could not reach the comments server');
    expect(view.thread.roots.value).toEqual([]);
  });

  it('keeps a draft of what is typed, for the next visit', async () => {
    await type(box(), 'Half written');
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(session.drafts.load('/t', null)?.body).toBe('Half written');
  });
});
