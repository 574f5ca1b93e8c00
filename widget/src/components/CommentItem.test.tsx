import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillMarkdown } from '../render/format.ts';
import { formatter } from '../render/formatter.ts';
import type { Session } from '../state/session.ts';
import { createThreadView, type ThreadView } from '../state/thread-view.ts';
import { comment, fakeBackend, testSession } from '../testing/fake-backend.ts';
import { click, flush, type Rendered, renderInView } from '../testing/render-view.tsx';
import { CommentList } from './CommentList.tsx';

let session: Session;
let view: ThreadView;
let shown: Rendered | undefined;
beforeEach(async () => {
  localStorage.clear();
  session = testSession(
    fakeBackend([
      comment('a', { author: { name: 'Ann', website: 'javascript:alert(1)' }, body: 'First!' }),
      comment('a1', { parentId: 'a', author: { name: 'Bo' }, body: 'A reply' }),
      comment('gone', { status: 'deleted', body: '', author: { name: 'Cy' } }),
      comment('held', { status: 'pending', body: 'Waiting', author: { name: 'Di' } }),
    ]).backend,
  );
  view = createThreadView(session, { settings: { maxDepth: 4, pageSize: 20 }, thread: { sort: 'oldest' } });
  await view.thread.load();
});
afterEach(() => {
  shown?.unmount();
  view.dispose();
  session.dispose();
});

/** The thread's list, re-rendered as the thread changes (as App does). */
const Thread = () => <CommentList nodes={view.thread.roots.value} level={0} />;
const list = () => (shown = renderInView(view, <Thread />));
const article = (id: string) => shown!.container.querySelector<HTMLElement>(`[data-comment-id="${id}"]`)!;

describe('<CommentItem>', () => {
  it('shows the author, the text and its replies; an author link that is not a web address is not a link', () => {
    list();
    expect(article('a').textContent).toContain('Ann');
    expect(article('a').textContent).toContain('First!');
    expect(article('a').querySelector('a[href^="javascript"]')).toBeNull();
    expect(article('a1').textContent).toContain('A reply');
    expect(article('a1').closest('ol')?.getAttribute('aria-label')).toBe('1 reply');
  });

  it('a deleted comment shows as [deleted], without its author; a held one says it awaits moderation', () => {
    list();
    expect(article('gone').textContent).toContain('[deleted]');
    expect(article('gone').textContent).not.toContain('Cy');
    expect(article('held').querySelector('.tl-pending')?.textContent).toBe('Waiting for approval');
    // Neither takes replies or votes.
    expect(article('gone').querySelector('.tl-vote')).toBeNull();
    expect(article('held').textContent).not.toContain('Reply');
  });

  it('Reply opens a reply form under the comment, named after its author; Cancel closes it', async () => {
    list();
    await click(shown!.button('Reply to Ann'));
    const form = shown!.container.querySelector('form.tl-composer-reply')!;
    expect(form.textContent).toContain('Ann');
    await click(shown!.button('Cancel'));
    expect(shown!.container.querySelector('form.tl-composer-reply')).toBeNull();
  });

  it('a comment that arrived live is highlighted as new', async () => {
    list();
    view.thread.applyEvent({ type: 'comment', comment: comment('a2', { parentId: 'a', body: 'Live one' }) });
    await flush();
    expect(article('a2').classList.contains('tl-comment-new')).toBe(true);
    expect(article('a1').classList.contains('tl-comment-new')).toBe(false);
  });

  it('a comment redrawn for its own state or a vote keeps its body as drawn: the reader’s selection in it stays', async () => {
    list();
    const text = article('a').querySelector('.tl-body p')!.firstChild!;
    getSelection()!.selectAllChildren(text.parentNode!);
    await click(shown!.button('Reply to Ann'));
    expect(shown!.container.querySelector('form.tl-composer-reply')).not.toBeNull();
    // A vote from another reader: a new copy of the comment, the same text.
    view.thread.applyEvent({ type: 'vote', id: 'a', score: 4 });
    await flush();
    expect(article('a').querySelector('.tl-vote')!.getAttribute('data-label')).toContain('4');
    expect(article('a').querySelector('.tl-body p')!.firstChild).toBe(text);
    expect(getSelection()!.toString()).toBe('First!');
  });

  it('an edited comment is drawn again with its new text', async () => {
    list();
    view.thread.applyEvent({ type: 'edit', comment: comment('a1', { parentId: 'a', author: { name: 'Bo' }, body: 'A reply, edited' }) });
    await flush();
    expect(article('a1').querySelector('.tl-body')!.textContent).toBe('A reply, edited');
  });

  it('a Markdown body reads as typed until the format chunk is there, then is drawn formatted', async () => {
    const loaded = formatter.value;
    formatter.value = null;
    try {
      view.thread.applyEvent({ type: 'comment', comment: comment('a2', { parentId: 'a', body: 'Mind the **budget**' }) });
      list();
      expect(article('a2').querySelector('.tl-body')!.textContent).toBe('Mind the **budget**');
      formatter.value = fillMarkdown;
      await flush();
      expect(article('a2').querySelector('.tl-body strong')?.textContent).toBe('budget');
    } finally {
      formatter.value = loaded;
    }
  });
});
