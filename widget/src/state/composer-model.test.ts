import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BackendError } from '../backend/backend-error.ts';
import { fakeBackend, testSession, useMemoryStorage } from '../testing/fake-backend.ts';
import { loadWriteChunk } from '../write/load-write-chunk.ts';
import { checkDraft } from './comment-checks.ts';
import { drafts } from './drafts.ts';
import { createThreadView } from './thread-view.ts';

// The write chunk is here, as it is once the browser was idle after the first screenful.
beforeAll(loadWriteChunk);

const page = { title: 'Story', url: 'https://news.example/story' };

beforeEach(useMemoryStorage);

const setup = (parentId: string | null = null) => {
  const fake = fakeBackend();
  const session = testSession(fake.backend, '/story');
  const view = createThreadView(session, { settings: { maxDepth: 4, pageSize: 50 }, thread: { sort: 'oldest' } });
  return {
    fake,
    view,
    reader: session.reader,
    thread: view.thread,
    ui: view.ui,
    composer: view.composerFor(parentId),
    sent: () => fake.posts,
  };
};

describe('composer', () => {
  it('posts the trimmed text with name, page and an idempotency key; shows it; keeps the edit token', async () => {
    const { thread, ui, reader, sent, composer } = setup();
    await thread.load();
    reader.setIdentity('name', '  Ann ');
    composer.setBody('  Hello there \n');
    const posted = await composer.submit();
    expect(posted?.body).toBe('Hello there');
    expect(sent()[0]!.req).toEqual({
      thread: '/story',
      author: { name: 'Ann', email: null, website: null },
      body: 'Hello there',
      page,
      hp: '',
      elapsedMs: expect.any(Number),
    });
    expect(sent()[0]!.key).toMatch(/^[\w-]{20,}$/);
    expect(composer.body.value).toBe('');
    expect(thread.roots.value.map((n) => n.comment.id)).toEqual(['new1']);
    expect(ui.sending.value.size).toBe(0);
    expect(reader.owned.value.new1?.token).toBe('token-new1');
    expect(drafts.load('/story', null)).toBeNull();
  });

  it('shows the comment as sending at once, before the server answers', async () => {
    const { thread, ui, composer } = setup();
    composer.setBody('Right away');
    const done = composer.submit();
    expect(thread.roots.value.map((n) => n.comment.body)).toEqual(['Right away']);
    expect(ui.sending.value.size).toBe(1);
    expect(composer.body.value).toBe('');
    await done;
    expect(ui.sending.value.size).toBe(0);
  });

  it('gives the text back and says why when the post fails; retrying the same text reuses the key', async () => {
    const { fake, thread, sent, composer } = setup('parent1');
    fake.failNext(new BackendError('network', 'Failed to fetch'));
    composer.setBody('Five minutes of careful writing');
    expect(await composer.submit()).toBeNull();
    expect(composer.body.value).toBe('Five minutes of careful writing');
    expect(composer.error.value?.code).toBe('network');
    expect(thread.roots.value).toEqual([]);
    // The draft (with its attempt) survives a reload of the page.
    expect(drafts.load('/story', 'parent1')).toMatchObject({ body: 'Five minutes of careful writing' });
    await composer.submit();
    expect(sent().map((s) => s.key)).toEqual([sent()[0]!.key, sent()[0]!.key]);
    expect(drafts.load('/story', 'parent1')).toBeNull();
  });

  it('restores a draft saved by an earlier visit, with the key of its unanswered attempt', async () => {
    drafts.save('/story', null, { body: 'Half written', attempt: { key: 'key-from-before-1234', body: 'Half written' } });
    const { sent, composer } = setup();
    expect(composer.body.value).toBe('Half written');
    expect(composer.isRestored.value).toBe(true);
    await composer.submit();
    expect(sent()[0]!.key).toBe('key-from-before-1234');
  });

  it('checks the server’s limits before sending anything', async () => {
    const { reader, sent, composer } = setup();
    composer.setBody('   ');
    await composer.submit();
    expect(composer.error.value?.code).toBe('body_required');
    composer.setBody('x'.repeat(10_001));
    await composer.submit();
    expect(composer.error.value?.code).toBe('body_too_long');
    composer.setBody('fine');
    reader.setIdentity('name', 'n'.repeat(81));
    await composer.submit();
    expect(composer.error.value?.code).toBe('name_too_long');
    reader.setIdentity('name', '');
    reader.setIdentity('email', 'nope');
    await composer.submit();
    expect(composer.error.value?.code).toBe('email_invalid');
    reader.setIdentity('email', '');
    reader.setIdentity('website', 'javascript:alert(1)');
    await composer.submit();
    expect(composer.error.value?.code).toBe('website_invalid');
    expect(sent()).toEqual([]);
    expect(composer.body.value).toBe('fine');
  });

  it('counts characters like the server (an emoji is one)', () => {
    expect(checkDraft('😀'.repeat(10_000), '')).toBeNull();
    expect(checkDraft('😀'.repeat(10_001), '')?.code).toBe('body_too_long');
    expect(checkDraft('ok', '👩‍👩‍👧'.repeat(16))).toBeNull();
  });

  it('does not post twice when submitted again while sending', async () => {
    const { sent, composer } = setup();
    composer.setBody('once');
    await Promise.all([composer.submit(), composer.submit()]);
    expect(sent()).toHaveLength(1);
  });
});
