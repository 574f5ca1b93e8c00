import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendError } from '../backend/backend-error.ts';
import type { Session } from '../state/session.ts';
import { createThreadView, type ThreadView } from '../state/thread-view.ts';
import { comment, type FakeBackend, fakeBackend, testSession } from '../testing/fake-backend.ts';
import { click, flush, type Rendered, renderInView, type } from '../testing/render-view.tsx';
import { CommentList } from './CommentList.tsx';
import { loadCommentTools } from './comment-tools-slot.ts';

let fake: FakeBackend;
let session: Session;
let view: ThreadView;
let shown: Rendered;
beforeEach(async () => {
  localStorage.clear();
  fake = fakeBackend([
    comment('theirs', { author: { name: 'Ann' } }),
    comment('mine', { author: { name: 'Me' } }),
    comment('gone', { status: 'deleted', body: '' }),
  ]);
  session = testSession(fake.backend);
  session.reader.own('mine', { token: 'tok', until: Date.now() + 600_000 });
  view = createThreadView(session, { settings: { maxDepth: 4, pageSize: 20 }, thread: { sort: 'oldest' } });
  await view.thread.load();
  shown = renderInView(view, <CommentList nodes={view.thread.roots.value} level={0} />);
});
afterEach(() => {
  shown.unmount();
  view.dispose();
  session.dispose();
});

const article = (id: string) => shown.container.querySelector(`[data-comment-id="${id}"]`)!;
const reportButton = (id: string) => article(id).querySelector<HTMLButtonElement>('.tl-report-toggle');
/** Opens a comment's "More" actions, where Report is, and waits for their chunk. */
async function openMore(id: string) {
  await click(article(id).querySelector('[data-action="more"]')!);
  await loadCommentTools();
  await flush();
}

describe('<ReportControl>', () => {
  it('offers Report on others’ published comments only: not on the reader’s own, not on a placeholder', async () => {
    await openMore('theirs');
    expect(reportButton('theirs')?.getAttribute('aria-label')).toBe('Report the comment by Ann');
    await openMore('mine');
    expect(reportButton('mine')).toBeNull();
    // A placeholder has nothing behind "More" at all.
    expect(article('gone').querySelector('[data-action="more"]')).toBeNull();
  });

  it('sends the chosen reason and note, then thanks the reader in its place', async () => {
    await openMore('theirs');
    await click(reportButton('theirs')!);
    const form = article('theirs').querySelector('form')!;
    const send = [...form.querySelectorAll('button')].find((b) => b.textContent === 'Send report')!;
    expect(send.disabled).toBe(true);
    expect(form.querySelector('legend')!.textContent).toBe('Why are you reporting this comment?');
    await click(form.querySelector<HTMLInputElement>('input[value="abuse"]')!);
    await type(form.querySelector('textarea')!, '  insults another reader  ');
    await click(send);
    expect(fake.reports).toEqual([{ id: 'theirs', report: { reason: 'abuse', note: 'insults another reader' } }]);
    expect(article('theirs').querySelector('form')).toBeNull();
    expect(article('theirs').textContent).toContain('Reported. Thank you');
    expect(reportButton('theirs')).toBeNull();
  });

  it('a failed report keeps the form with the reader’s note, and says why', async () => {
    fake.failNext(new BackendError('rate_limited', 'Slow down', 429, undefined, 30));
    await openMore('theirs');
    await click(reportButton('theirs')!);
    const form = article('theirs').querySelector('form')!;
    await click(form.querySelector<HTMLInputElement>('input[value="spam"]')!);
    await type(form.querySelector('textarea')!, 'selling watches');
    await click([...form.querySelectorAll('button')].find((b) => b.textContent === 'Send report')!);
    await flush();
    expect(article('theirs').querySelector('textarea')!.value).toBe('selling watches');
    expect(shown.text()).toContain('Too many attempts');
    expect(shown.text()).not.toContain('Reported. Thank you');
  });
});
