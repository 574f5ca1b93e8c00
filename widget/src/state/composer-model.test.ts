import { beforeEach, describe, expect, it } from 'vitest';
import type { CommentsBackend, PostOptions } from '../backend/backend.ts';
import { BackendError } from '../backend/backend-error.ts';
import type { Comment, PostCommentRequest } from '../protocol/types.ts';
import { checkDraft, createComposerModel } from './composer-model.ts';
import { drafts } from './drafts.ts';
import { createReaderModel } from './reader-model.ts';
import { createThreadModel } from './thread-model.ts';

const page = { title: 'Story', url: 'https://news.example/story' };

// An in-memory localStorage, as a browser has.
beforeEach(() => {
  const data = new Map<string, string>();
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => data.set(k, v),
      removeItem: (k: string) => data.delete(k),
    },
  });
});

/** A backend whose posts succeed or fail as the test says, recording what was sent and with which key. */
function fakeBackend(fail?: () => BackendError | null) {
  const sent: { req: PostCommentRequest; opts: PostOptions | undefined }[] = [];
  const backend: CommentsBackend = {
    listThread: async (key) => ({ thread: { key, title: null, url: null, commentCount: 0 }, comments: [], nextCursor: null }),
    postComment: async (req, opts) => {
      sent.push({ req, opts });
      const err = fail?.();
      if (err) throw err;
      const comment: Comment = {
        id: `id${sent.length}`,
        thread: req.thread,
        parentId: req.parentId ?? null,
        author: { name: req.author?.name ?? null, website: req.author?.website ?? null },
        body: req.body,
        createdAt: new Date().toISOString(),
        status: 'published',
      };
      return { comment, editToken: `token-${sent.length}`, editableUntil: new Date(Date.now() + 900_000).toISOString() };
    },
  };
  return { backend, sent };
}

const setup = (fail?: () => BackendError | null, parentId: string | null = null) => {
  const { backend, sent } = fakeBackend(fail);
  const thread = createThreadModel(backend, '/story', page, { pageSize: 50, sort: 'oldest' });
  const reader = createReaderModel();
  return { thread, reader, sent, composer: createComposerModel(thread, reader, parentId) };
};

describe('composer', () => {
  it('posts the trimmed text with name, page and an idempotency key; shows it; keeps the edit token', async () => {
    const { thread, reader, sent, composer } = setup();
    await thread.load();
    reader.name.value = '  Ann ';
    composer.body.value = '  Hello there \n';
    const posted = await composer.submit();
    expect(posted?.body).toBe('Hello there');
    expect(sent[0]!.req).toEqual({
      thread: '/story',
      author: { name: 'Ann', email: null, website: null },
      body: 'Hello there',
      page,
      hp: '',
      elapsedMs: expect.any(Number),
    });
    expect(sent[0]!.opts?.idempotencyKey).toMatch(/^[\w-]{20,}$/);
    expect(composer.body.value).toBe('');
    expect(thread.roots.value.map((n) => n.comment.id)).toEqual(['id1']);
    expect(thread.sending.value.size).toBe(0);
    expect(reader.owned.value.id1?.token).toBe('token-1');
    expect(drafts.load('/story', null)).toBeNull();
  });

  it('shows the comment as sending at once, before the server answers', async () => {
    const { thread, composer } = setup();
    composer.body.value = 'Right away';
    const done = composer.submit();
    expect(thread.roots.value.map((n) => n.comment.body)).toEqual(['Right away']);
    expect(thread.sending.value.size).toBe(1);
    expect(composer.body.value).toBe('');
    await done;
    expect(thread.sending.value.size).toBe(0);
  });

  it('gives the text back and says why when the post fails; retrying the same text reuses the key', async () => {
    let failing = true;
    const { thread, sent, composer } = setup(() => (failing ? new BackendError('network', 'Failed to fetch') : null), 'parent1');
    composer.body.value = 'Five minutes of careful writing';
    expect(await composer.submit()).toBeNull();
    expect(composer.body.value).toBe('Five minutes of careful writing');
    expect(composer.error.value?.code).toBe('network');
    expect(thread.roots.value).toEqual([]);
    // The draft (with its attempt) survives a reload of the page.
    expect(drafts.load('/story', 'parent1')).toMatchObject({ body: 'Five minutes of careful writing' });
    failing = false;
    await composer.submit();
    expect(sent.map((s) => s.opts?.idempotencyKey)).toEqual([sent[0]!.opts?.idempotencyKey, sent[0]!.opts?.idempotencyKey]);
    expect(drafts.load('/story', 'parent1')).toBeNull();
  });

  it('restores a draft saved by an earlier visit, with the key of its unanswered attempt', async () => {
    drafts.save('/story', null, { body: 'Half written', attempt: { key: 'key-from-before-1234', body: 'Half written' } });
    const { sent, composer } = setup();
    expect(composer.body.value).toBe('Half written');
    expect(composer.isRestored.value).toBe(true);
    await composer.submit();
    expect(sent[0]!.opts?.idempotencyKey).toBe('key-from-before-1234');
  });

  it('checks the server’s limits before sending anything', async () => {
    const { reader, sent, composer } = setup();
    composer.body.value = '   ';
    await composer.submit();
    expect(composer.error.value?.code).toBe('body_required');
    composer.body.value = 'x'.repeat(10_001);
    await composer.submit();
    expect(composer.error.value?.code).toBe('body_too_long');
    composer.body.value = 'fine';
    reader.name.value = 'n'.repeat(81);
    await composer.submit();
    expect(composer.error.value?.code).toBe('name_too_long');
    reader.name.value = '';
    reader.email.value = 'nope';
    await composer.submit();
    expect(composer.error.value?.code).toBe('email_invalid');
    reader.email.value = '';
    reader.website.value = 'javascript:alert(1)';
    await composer.submit();
    expect(composer.error.value?.code).toBe('website_invalid');
    expect(sent).toEqual([]);
    expect(composer.body.value).toBe('fine');
  });

  it('counts characters like the server (an emoji is one)', () => {
    expect(checkDraft('😀'.repeat(10_000), '')).toBeNull();
    expect(checkDraft('😀'.repeat(10_001), '')?.code).toBe('body_too_long');
    expect(checkDraft('ok', '👩‍👩‍👧'.repeat(16))).toBeNull();
  });

  it('does not post twice when submitted again while sending', async () => {
    const { sent, composer } = setup();
    composer.body.value = 'once';
    await Promise.all([composer.submit(), composer.submit()]);
    expect(sent).toHaveLength(1);
  });
});
