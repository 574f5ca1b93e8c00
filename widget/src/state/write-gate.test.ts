import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { beforeEach, describe, expect, it } from 'vitest';
import { BackendError } from '../backend/backend-error.ts';
import type { Comment, PowChallenge } from '../protocol/types.ts';
import { comment, fakeBackend, testSession, useMemoryStorage } from '../testing/fake-backend.ts';
import { createThreadView } from './thread-view.ts';

const KEY = 'widget-test-hmac';

beforeEach(useMemoryStorage);

/** A view over a fake backend that asks for proof of work when `pow` is set. */
function setup(pow: boolean, stored: Comment[] = []) {
  const fake = fakeBackend(stored);
  const challenges: PowChallenge[] = [];
  const listThread = fake.backend.listThread;
  fake.backend.listThread = async (key, req) => ({ ...(await listThread(key, req)), features: { pow } });
  const asked = { count: 0 };
  fake.backend.getChallenge = async () => {
    asked.count++;
    const c = await createChallenge({ hmacKey: KEY, maxNumber: 300, expires: new Date(Date.now() + 600_000) });
    const challenge: PowChallenge = { algorithm: 'SHA-256', challenge: c.challenge, salt: c.salt, signature: c.signature, maxnumber: 300 };
    challenges.push(challenge);
    return challenge;
  };
  const session = testSession(fake.backend);
  const view = createThreadView(session, { settings: { maxDepth: 4, pageSize: 50 }, thread: { sort: 'oldest' } });
  return { fake, view, session, challenges, asked, composer: view.composerFor(null) };
}

describe('proof of work in the widget', () => {
  it('is fetched when the reader starts writing, solved, sent with the post, and fetched anew for the next', async () => {
    const { view, composer, challenges, asked, fake } = setup(true);
    await view.thread.load();
    expect(asked.count).toBe(0);
    composer.prepare();
    composer.prepare();
    expect(asked.count).toBe(1);
    composer.setBody('First');
    expect(await composer.submit()).not.toBeNull();
    const pow = fake.posts[0]!.req.pow!;
    expect(await verifySolution(pow, KEY)).toBe(true);
    composer.setBody('Second');
    await composer.submit();
    expect(challenges).toHaveLength(2);
    expect(fake.posts[1]!.req.pow).not.toBe(pow);
  });

  it('asks for nothing where the server needs no proof', async () => {
    const { view, composer, challenges, fake } = setup(false);
    await view.thread.load();
    composer.prepare();
    composer.setBody('Plain');
    await composer.submit();
    expect(challenges).toHaveLength(0);
    expect(fake.posts[0]!.req.pow).toBeUndefined();
  });

  it('replaces a solution the server calls expired, once, with the same idempotency key', async () => {
    const { view, composer, challenges, fake } = setup(true);
    await view.thread.load();
    fake.failNext(new BackendError('pow_invalid', 'expired', 422, 'pow'));
    composer.setBody('Second time lucky');
    expect((await composer.submit())?.body).toBe('Second time lucky');
    expect(challenges).toHaveLength(2);
    expect(fake.posts).toHaveLength(2);
    expect(fake.posts[0]!.key).toBe(fake.posts[1]!.key);
    expect(composer.error.value).toBeNull();
  });
});

describe('an edit the site holds', () => {
  it('stays on its author’s screen, waiting for approval, uncounted, and a live delete of it is not theirs to apply', async () => {
    const mine = comment('mine', { body: 'plain words' });
    const { view, fake, session } = setup(false, [comment('other'), mine]);
    await view.thread.load();
    session.connect(1);
    session.reader.own('mine', { token: 'token-mine', until: Date.now() + 600_000 });
    expect(view.thread.count.value).toBe(2);
    const editComment = fake.backend.editComment!;
    fake.backend.editComment = async (id, body, token) => {
      // The server's delete event for readers reaches this tab before the PATCH answer does.
      fake.emit({ type: 'delete', id, comment: null });
      return { ...(await editComment(id, body, token)), status: 'pending' };
    };
    view.ui.startEdit(mine);
    view.ui.setEditText('now with https://shop.example');
    expect(await view.writes.saveEdit()).toBe(true);
    const shown = view.thread.data.value.comments.find((c) => c.id === 'mine');
    expect(shown).toMatchObject({ status: 'pending', body: 'now with https://shop.example' });
    expect(view.thread.count.value).toBe(1);
    expect(session.reader.held.value.map((c) => c.id)).toEqual(['mine']);
    // Another reader's delete of someone else's comment still applies.
    fake.emit({ type: 'delete', id: 'other', comment: null });
    expect(view.thread.data.value.comments.map((c) => c.id)).toEqual(['mine']);
    session.dispose();
  });
});
