import { describe, expect, it } from 'vitest';
import type { CommentsBackend } from '../backend/backend.ts';
import { BackendError } from '../backend/backend-error.ts';
import type { Comment, PostCommentRequest } from '../protocol/types.ts';
import { checkDraft, createComposerModel, createReaderModel } from './composer-model.ts';
import { createThreadModel } from './thread-model.ts';

const page = { title: 'Story', url: 'https://news.example/story' };

/** A backend whose posts succeed or fail as the test says, recording what was sent. */
function fakeBackend(fail?: BackendError) {
  const sent: PostCommentRequest[] = [];
  const backend: CommentsBackend = {
    listThread: async (key) => ({ thread: { key, title: null, url: null, commentCount: 0 }, comments: [], nextCursor: null }),
    postComment: async (req) => {
      sent.push(req);
      if (fail) throw fail;
      const comment: Comment = {
        id: `id${sent.length}`,
        thread: req.thread,
        parentId: req.parentId ?? null,
        author: { name: req.author?.name ?? null },
        body: req.body,
        createdAt: new Date().toISOString(),
        status: 'published',
      };
      return comment;
    },
  };
  return { backend, sent };
}

describe('composer', () => {
  it('posts the trimmed text with name and page, shows it, and empties the form', async () => {
    const { backend, sent } = fakeBackend();
    const thread = createThreadModel(backend, '/story', page, { pageSize: 50, sort: 'oldest' });
    await thread.load();
    const reader = createReaderModel();
    reader.name.value = '  Ann ';
    const composer = createComposerModel(thread, reader, null);
    composer.body.value = '  Hello there \n';
    const posted = await composer.submit();
    expect(posted?.body).toBe('Hello there');
    expect(sent).toEqual([{ thread: '/story', author: { name: 'Ann' }, body: 'Hello there', page }]);
    expect(composer.body.value).toBe('');
    expect(thread.roots.value.map((n) => n.comment.body)).toEqual(['Hello there']);
    expect(thread.count.value).toBe(1);
    expect(thread.lastPostedId.value).toBe('id1');
  });

  it('keeps the reader’s text and reports why when the server refuses', async () => {
    const { backend } = fakeBackend(new BackendError('network', 'Failed to fetch'));
    const thread = createThreadModel(backend, '/story', page, { pageSize: 50, sort: 'oldest' });
    const composer = createComposerModel(thread, createReaderModel(), 'parent1');
    composer.body.value = 'Five minutes of careful writing';
    expect(await composer.submit()).toBeNull();
    expect(composer.body.value).toBe('Five minutes of careful writing');
    expect(composer.error.value?.code).toBe('network');
    expect(composer.isPending.value).toBe(false);
    expect(thread.roots.value).toEqual([]);
  });

  it('checks the server’s limits before sending anything', async () => {
    const { backend, sent } = fakeBackend();
    const thread = createThreadModel(backend, '/story', page, { pageSize: 50, sort: 'oldest' });
    const reader = createReaderModel();
    const composer = createComposerModel(thread, reader, null);
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
    expect(sent).toEqual([]);
    expect(composer.body.value).toBe('fine');
  });

  it('counts characters like the server (an emoji is one)', () => {
    expect(checkDraft('😀'.repeat(10_000), '')).toBeNull();
    expect(checkDraft('😀'.repeat(10_001), '')?.code).toBe('body_too_long');
    expect(checkDraft('ok', '👩‍👩‍👧'.repeat(16))).toBeNull();
  });

  it('does not post twice when submitted again while sending', async () => {
    const { backend, sent } = fakeBackend();
    const thread = createThreadModel(backend, '/story', page, { pageSize: 50, sort: 'oldest' });
    const composer = createComposerModel(thread, createReaderModel(), null);
    composer.body.value = 'once';
    await Promise.all([composer.submit(), composer.submit()]);
    expect(sent).toHaveLength(1);
  });
});
