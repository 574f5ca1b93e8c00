import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Anchor } from '../protocol/types.ts';
import type { Session } from '../state/session.ts';
import { createThreadView, type ThreadView } from '../state/thread-view.ts';
import { comment, type FakeBackend, fakeBackend, testSession } from '../testing/fake-backend.ts';
import { click, flush, type } from '../testing/render-view.tsx';
import { loadWriteChunk } from '../write/load-write-chunk.ts';
import { InlinePanel } from './InlinePanel.tsx';
import { createInlineModel, type InlineModel } from './inline-model.ts';

// The write chunk is here, as it is once the browser was idle after the first screenful.
beforeAll(loadWriteChunk);

const PARAGRAPHS = ['The council met on Tuesday.', 'The budget passed by one vote after a long night.', 'Nobody spoke against it.'];
const second: Anchor = { type: 'paragraph', exact: PARAGRAPHS[1]!, key: 'k-second' };

let fake: FakeBackend;
let session: Session;
let main: ThreadView;
let inline: InlineModel;
let container: HTMLElement;
beforeEach(async () => {
  localStorage.clear();
  document.body.innerHTML = `<article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;
  fake = fakeBackend([
    comment('plain', { body: 'On the whole story' }),
    comment('on2', { anchor: second, body: 'One vote is thin' }),
    comment('on2r', { parentId: 'on2', body: 'Thin but enough' }),
  ]);
  session = testSession(fake.backend);
  main = createThreadView(session, { settings: { maxDepth: 4, pageSize: 20 }, thread: { sort: 'oldest' } });
  await main.thread.load();
  inline = createInlineModel({ selector: 'article p', doc: document, session, main });
  await flush();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  act(() => render(null, container));
  inline.dispose();
  main.dispose();
  session.dispose();
});

/** Opens paragraph `block`'s panel and renders it, as the layer does. */
async function openPanel(block: number, quote: Anchor | null = null) {
  inline.open(block, quote, null);
  const Panel = () => {
    const panel = inline.panel.value;
    return panel ? <InlinePanel model={inline} panel={panel} placement="drawer" position={{ left: 0, top: 0, width: 360 }} /> : null;
  };
  act(() => render(<Panel />, container));
  await flush();
  return container.querySelector<HTMLElement>('[role="dialog"]')!;
}

describe('<InlinePanel>', () => {
  it('shows the paragraph’s comments with their replies, and none of the thread’s others', async () => {
    const dialog = await openPanel(1);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('One vote is thin');
    expect(dialog.textContent).toContain('Thin but enough');
    expect(dialog.textContent).not.toContain('On the whole story');
    expect(fake.pages.at(-1)).toMatchObject({ anchors: ['k-second'] });
  });

  it('a comment posted in the panel is anchored to the paragraph and shows in the panel and in the thread below, once', async () => {
    const dialog = await openPanel(1);
    await type(dialog.querySelector('textarea')!, 'Agreed, thin.');
    await click([...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Post comment')!);
    await flush();
    expect(fake.posts[0]?.req.anchor).toMatchObject({ type: 'paragraph', exact: PARAGRAPHS[1] });
    expect(dialog.textContent).toContain('Agreed, thin.');
    const below = main.thread.roots.value.filter((r) => r.comment.body === 'Agreed, thin.');
    expect(below).toHaveLength(1);
    expect(main.thread.incoming.value).toEqual([]);
  });

  it('a paragraph nobody commented on yet says so, and asks the backend for nothing', async () => {
    const pages = fake.pages.length;
    const dialog = await openPanel(2);
    expect(dialog.textContent).toContain('No comments on this paragraph yet');
    expect(fake.pages.length).toBe(pages);
  });

  it('the close button closes it; the panel’s view leaves the session', async () => {
    const dialog = await openPanel(1);
    expect(session.views.size).toBe(2);
    await click(dialog.querySelector('.tl-inline-close')!);
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    expect(session.views.size).toBe(1);
  });
});
