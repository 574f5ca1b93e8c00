import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../state/session.ts';
import { createThreadView, type ThreadView } from '../state/thread-view.ts';
import { comment, type FakeBackend, fakeBackend, testSession } from '../testing/fake-backend.ts';
import { flush, type Rendered, renderInView } from '../testing/render-view.tsx';
import { App } from './App.tsx';

let fake: FakeBackend;
let session: Session;
let view: ThreadView;
let shown: Rendered;
beforeEach(async () => {
  localStorage.clear();
  fake = fakeBackend([
    comment('a', { author: { name: 'Ann' }, body: 'A **thoughtful** point about the harbour' }),
    comment('b', { author: { name: 'Bo' }, body: 'Picked already', featured: true }),
  ]);
  session = testSession(fake.backend);
  view = createThreadView(session, { settings: { maxDepth: 4, pageSize: 20 }, thread: { sort: 'oldest' } });
  await view.thread.load();
  session.connect(1);
  shown = renderInView(view, <App view={view} />);
});
afterEach(() => {
  shown.unmount();
  view.dispose();
  session.dispose();
});

const strip = () => shown.container.querySelector('section.tl-picks');
const picked = () => [...(strip()?.querySelectorAll('li a') ?? [])].map((a) => [a.getAttribute('href'), a.textContent]);

describe('<EditorsPicks>', () => {
  it('shows the picks above the thread in a labelled strip, each linking to its place', () => {
    const labelledBy = strip()!.getAttribute('aria-labelledby')!;
    expect(shown.container.querySelector(`#${labelledBy}`)!.textContent).toBe("Editors' picks");
    expect(picked()).toEqual([['#comment-b', 'BoPicked already']]);
    // Above the thread, and the picked comment carries its badge in place.
    expect(strip()!.compareDocumentPosition(shown.container.querySelector('[data-comment-id="a"]')!)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(shown.container.querySelector('[data-comment-id="b"] .tl-pick-badge')!.textContent).toBe("Editors' pick");
  });

  it('adds and removes picks as moderators change them, live', async () => {
    fake.emit({ type: 'edit', comment: { ...fake.stored[0]!, featured: true } });
    await flush();
    expect(picked()).toEqual([
      ['#comment-a', 'AnnA thoughtful point about the harbour'],
      ['#comment-b', 'BoPicked already'],
    ]);
    fake.emit({ type: 'edit', comment: { ...fake.stored[1]!, featured: false } });
    fake.emit({ type: 'delete', id: 'a', comment: null });
    await flush();
    expect(strip()).toBeNull();
  });

  it('says when a closed thread closed, and shows "edited by a moderator"', async () => {
    fake.emit({ type: 'edit', comment: { ...fake.stored[0]!, body: 'trimmed', editedAt: '2024-02-01T00:00:00Z', editedBy: 'moderator' } });
    await flush();
    expect(shown.container.querySelector('[data-comment-id="a"] .tl-edited')!.textContent).toContain('edited by a moderator');
    view.thread.update((d) => ({ ...d, info: { ...d.info!, locked: true, lockReason: 'auto', closedAt: '2024-03-05T12:00:00Z' } }));
    await flush();
    expect(shown.container.querySelector('.tl-locked')!.textContent).toMatch(/^Comments are closed \(since March 5, 2024/);
  });
});
