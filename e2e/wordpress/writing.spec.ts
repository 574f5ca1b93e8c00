import { commentByText, embedOnSite, expect, newPost, openPost, postAs, test } from './fixtures.ts';
import { addComment } from './seed.ts';

const NEWCOMER = { name: 'Nora Newcomer', email: 'nora@example.com' };
const REGULAR = { name: 'Rita Regular', email: 'rita@example.com' };

test.beforeEach(async ({ world }) => {
  await embedOnSite(world, { poll: '2' });
});

test('a regular (approved before) posts and replies anonymously; both show at once, the reply under its parent', async ({
  page,
  world,
}) => {
  const post = await newPost(world, 'Regulars post at once');
  // WordPress approves a name and email that already have an approved comment.
  const earlier = await addComment(world.wp, post.id, { name: REGULAR.name, email: REGULAR.email, body: 'My first words here.' });
  await openPost(page, post.link);
  await postAs(page, REGULAR, 'A second thought, straight from the widget.');
  const mine = commentByText(page, 'A second thought');
  await expect(mine).toBeVisible();
  await expect(mine.locator('.tl-pending')).toHaveCount(0);
  await expect(page.locator('.tl-heading')).toHaveText('2 comments');

  await page
    .locator(`article[data-comment-id="${earlier}"]`)
    .getByRole('button', { name: `Reply to ${REGULAR.name}` })
    .click();
  const replyForm = page.locator(`li#comment-${earlier} form.tl-composer`);
  await postAs(page, REGULAR, 'Replying to myself, threaded.', replyForm);
  await expect(page.locator(`li#comment-${earlier}`).locator('article.tl-comment', { hasText: 'Replying to myself' })).toBeVisible();

  // As stored in WordPress: threaded by parent, approved.
  const stored = await world.wp.admin<{ parent: number; status: string; content: { raw: string } }[]>(
    'GET',
    `wp/v2/comments?post=${post.id}&context=edit&order=asc`,
  );
  expect(stored.map((c) => [c.parent, c.status, c.content.raw])).toEqual([
    [0, 'approved', '<p>My first words here.</p>'],
    [0, 'approved', 'A second thought, straight from the widget.'],
    [earlier, 'approved', 'Replying to myself, threaded.'],
  ]);
  // After a reload, from WordPress.
  await page.reload();
  await expect(page.locator('.tl-heading')).toHaveText('3 comments');
});

test('a newcomer’s comment is held: its author sees "Waiting for approval", other readers do not see it', async ({
  page,
  browser,
  world,
}) => {
  const post = await newPost(world, 'Newcomers are held');
  await openPost(page, post.link);
  await postAs(page, NEWCOMER, 'First time here, hello.');
  const mine = commentByText(page, 'First time here');
  await expect(mine.locator('.tl-pending')).toHaveText('Waiting for approval');
  await page.reload();
  await expect(commentByText(page, 'First time here').locator('.tl-pending')).toHaveText('Waiting for approval');

  const other = await browser.newPage();
  await openPost(other, post.link);
  await expect(other.locator('.tl-heading')).toHaveText('0 comments');
  await expect(commentByText(other, 'First time here')).toHaveCount(0);

  // A moderator approves it: the other reader gets it by polling, behind "Show 1 new comment".
  const held = await world.wp.admin<{ id: number }[]>('GET', `wp/v2/comments?post=${post.id}&status=hold&context=edit`);
  await addComment(world.wp, post.id, { name: 'Someone Else', body: 'An earlier visible comment.' });
  await other.reload();
  await expect(commentByText(other, 'An earlier visible comment.')).toBeVisible();
  await world.wp.admin('POST', `wp/v2/comments/${held[0]!.id}`, { status: 'approved' });
  await other.getByRole('button', { name: 'Show 1 new comment' }).click();
  await expect(commentByText(other, 'First time here')).toBeVisible();
  await other.close();
});
