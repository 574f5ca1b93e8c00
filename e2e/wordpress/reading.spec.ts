import { commentByText, embedOnSite, expect, newPost, openPost, test } from './fixtures.ts';
import { addComment, WESTPORT } from './seed.ts';

test.beforeEach(async ({ world }) => {
  await embedOnSite(world);
});

test('reads the Westport thread from WordPress: every comment, replies under their parents, the theme around it', async ({
  page,
  world,
}) => {
  await openPost(page, world.westport.link);
  await expect(page.locator('.tl-heading')).toHaveText(`${WESTPORT.comments.length} comments`);
  // Replies hang under their parent (WordPress's `parent`), e.g. Sharon Paulsen's under the first comment.
  const first = page.locator(`li#comment-${world.westport.ids.get('c1')}`);
  await expect(first.locator(`article[data-comment-id="${world.westport.ids.get('c2')}"]`)).toContainText('Sharon Paulsen');
  // WordPress's rendered HTML: paragraphs stay paragraphs.
  await expect(commentByText(page, 'So is ICE planning').locator('.tl-body p')).toHaveCount(2);
  // What WordPress cannot do for visitors is not offered.
  await expect(page.locator('.tl-vote')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit|^Delete/ })).toHaveCount(0);
  // The form says what WordPress requires.
  const form = page.locator('form.tl-composer').first();
  await expect(form.getByText('(required)')).toBeVisible();
  await expect(form.getByLabel(/^Email/)).toHaveAttribute('aria-required', 'true');

  // The demo article's layout: threadline in the theme's comments place, under the article.
  const article = page.locator('article.post').first();
  const comments = page.locator('threadline-comments');
  const [a, c] = [await article.boundingBox(), await comments.boundingBox()];
  expect(c!.y).toBeGreaterThanOrEqual(a!.y + a!.height - 1);
  await page.setViewportSize({ width: 1100, height: 1400 });
  // The article's last paragraphs, then threadline where the theme's comments were.
  await comments.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 380));
  await page.screenshot({ path: 'docs/screenshot-wordpress.png' });
});

test('comment HTML from WordPress goes through the same sanitizer: nothing in it runs', async ({ page, world }) => {
  const post = await newPost(world, 'Hostile HTML');
  // An admin may store unfiltered HTML: the widget must still show it inert (XSS through the REST API).
  await addComment(world.wp, post.id, {
    name: 'Mallory',
    body: 'Look <img src="x" onerror="window.__pwned=1"> <a href="javascript:window.__pwned=2">here</a><script>window.__pwned=3</script> <b>bold</b>',
  });
  await openPost(page, post.link);
  const body = commentByText(page, 'Look').locator('.tl-body');
  await expect(body.locator('b')).toHaveText('bold');
  await expect(body.locator('script, [onerror], a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('counts beside each post on the index page come in one request', async ({ page, world }) => {
  const quiet = await newPost(world, 'A quiet story');
  const comments: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('wp/v2/comments')) comments.push(r.url());
  });
  await page.goto(`${world.wp.url}/`);
  await expect(page.locator(`.entry-title [data-threadline-count="${world.westport.id}"]`)).toHaveText(
    `${WESTPORT.comments.length} comments`,
  );
  await expect(page.locator(`.entry-title [data-threadline-count="${quiet.id}"]`)).toHaveText('0 comments');
  expect(comments).toHaveLength(1);
});
