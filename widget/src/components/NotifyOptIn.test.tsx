import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

const field = (label: RegExp) =>
  [...shown.container.querySelectorAll('label')].find((l) => label.test(l.textContent ?? ''))?.control as HTMLInputElement | undefined;
const optIn = () => field(/Email me when someone replies/);

describe('<NotifyOptIn> in the composer', () => {
  it('is offered once an email is typed, on a server that mails, and sends notify with the language', async () => {
    session.setFeatures({ pow: false, notify: true });
    await flush();
    expect(optIn()).toBeUndefined();
    await type(field(/^Email/)!, 'ann@example.com');
    expect(optIn()).toBeDefined();
    await click(optIn()!);
    await type(shown.container.querySelector('textarea')!, 'Tell me when they answer');
    await click(shown.button('Post comment'));
    await flush();
    expect(fake.posts[0]?.req).toMatchObject({ notify: 'replies', lang: 'en', author: { email: 'ann@example.com' } });
  });

  it('is offered to a signed-in reader whose token carries an email (no email field to type in)', async () => {
    session.setFeatures({ pow: false, notify: true });
    session.identity.value = {
      token: 'a.b.c',
      sub: 'u1',
      name: 'Ann Lee',
      email: 'ann@example.com',
      roles: [],
      expiresAt: Date.now() + 600_000,
    };
    await flush();
    expect(field(/^Email/)).toBeUndefined();
    expect(optIn()).toBeDefined();
  });

  it('is not offered, and nothing is sent, where the server has no mail', async () => {
    session.setFeatures({ pow: false, notify: false });
    await type(field(/^Email/)!, 'ann@example.com');
    expect(optIn()).toBeUndefined();
    await type(shown.container.querySelector('textarea')!, 'Hello');
    await click(shown.button('Post comment'));
    await flush();
    expect(fake.posts[0]?.req.notify).toBeUndefined();
  });

  it('unticked, the post asks for no mail', async () => {
    session.setFeatures({ pow: false, notify: true });
    await type(field(/^Email/)!, 'ann@example.com');
    await type(shown.container.querySelector('textarea')!, 'Hello');
    await click(shown.button('Post comment'));
    await flush();
    expect(fake.posts[0]?.req).not.toHaveProperty('notify');
  });
});
