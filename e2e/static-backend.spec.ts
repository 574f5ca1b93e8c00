import { commentByText, expect, openHostPage, test } from './fixtures.ts';

/** A threadline export, as `threadline-server export` writes it (emails and IP hashes left in, as a careless site would). */
const ARCHIVE = {
  format: 'threadline-export',
  version: 1,
  exportedAt: '2024-05-02T00:00:00.000Z',
  threads: [{ key: '/news/closed-story', title: 'A closed story', url: null, locked: false }],
  comments: [
    {
      id: 'a1',
      thread: '/news/closed-story',
      parentId: null,
      authorName: 'Ann',
      authorEmail: 'ann@example.com',
      authorWebsite: null,
      ipHash: 'x',
      body: 'The **first** word.',
      createdAt: '2024-05-01T10:00:00.000Z',
      editedAt: null,
      status: 'published',
    },
    {
      id: 'a2',
      thread: '/news/closed-story',
      parentId: 'a1',
      authorName: 'Ben',
      authorEmail: null,
      authorWebsite: null,
      ipHash: 'x',
      body: 'A reply to Ann.',
      createdAt: '2024-05-01T11:00:00.000Z',
      editedAt: null,
      status: 'published',
    },
    {
      id: 'a3',
      thread: '/news/closed-story',
      parentId: null,
      authorName: 'Cy',
      authorEmail: null,
      authorWebsite: null,
      ipHash: 'x',
      body: 'Never approved.',
      createdAt: '2024-05-01T12:00:00.000Z',
      editedAt: null,
      status: 'pending',
    },
  ],
  votes: [{ commentId: 'a1', voterId: 'v', ipHash: 'x', createdAt: '2024-05-01T12:00:00.000Z' }],
  bans: [],
};

test('data-backend="static": an export file read with no server, threaded, read-only', async ({ page, stack }) => {
  stack.pages.set('/exports/comments.json', { html: JSON.stringify(ARCHIVE) });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await openHostPage(
    page,
    stack,
    '/news/closed-story',
    `<article><p>The story.</p></article><script src="${stack.api}/embed.js" data-backend="static" data-api="/exports/comments.json" data-lazy="false" async></script>`,
  );
  await expect(page.locator('.tl-heading')).toHaveText('2 comments');
  await expect(page.locator('li#comment-a1').locator('article[data-comment-id="a2"]')).toContainText('A reply to Ann.');
  await expect(commentByText(page, 'first word').locator('.tl-body strong')).toHaveText('first');
  await expect(commentByText(page, 'Never approved')).toHaveCount(0);
  // Read-only: no form, no reply, no votes; the adapter is its own chunk, and no API is asked.
  await expect(page.locator('.tl-locked')).toHaveText('This discussion is closed to new comments.');
  await expect(page.locator('form.tl-composer')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Reply/ })).toHaveCount(0);
  await expect(page.locator('.tl-vote')).toHaveCount(0);
  expect(requests.some((u) => /threadline-static-backend-.*\.js$/.test(u))).toBe(true);
  expect(requests.filter((u) => u.includes('/api/'))).toEqual([]);
});
