import { commentById, commentByText, expect, LIBRARY_PATH, openArticle, postTopLevel, test } from './fixtures.ts';

test.describe('posting', () => {
  test('a top-level comment appears at once, counts, and survives a reload', async ({ page, stack }) => {
    await openArticle(page, stack);
    await postTopLevel(page, 'The Chief did the right thing.\n\nSecond paragraph here.', 'Maria Ortiz');

    const mine = commentByText(page, 'The Chief did the right thing.');
    await expect(mine).toBeVisible();
    await expect(mine.locator('.tl-author')).toHaveText('Maria Ortiz');
    await expect(mine.locator('.tl-body p')).toHaveCount(2);
    await expect(mine).toHaveAttribute('data-depth', '0');
    await expect(page.locator('.tl-heading')).toHaveText('20 comments');
    // The form is emptied for the next comment, and focus moved to the new comment.
    await expect(page.getByLabel('Your comment')).toHaveValue('');
    await expect(mine).toBeFocused();
    // Oldest first: the new comment is the last top-level one.
    await expect(page.locator('section.tl > ol > li').last().locator('> article')).toContainText('The Chief did the right thing.');

    await page.reload();
    await expect(page.locator('.tl-heading')).toHaveText('20 comments');
    await expect(commentByText(page, 'The Chief did the right thing.').locator('.tl-author')).toHaveText('Maria Ortiz');
  });

  test('an anonymous comment shows as Anonymous', async ({ page, stack }) => {
    await openArticle(page, stack);
    await postTopLevel(page, 'No name on this one.');
    await expect(commentByText(page, 'No name on this one.').locator('.tl-author')).toHaveText('Anonymous');
  });

  test('a reply at depth 3 appears in place under its parent and survives a server restart', async ({ page, stack }) => {
    await openArticle(page, stack);
    // c7 is itself a reply to a reply (depth 2): replying to it makes the thread four levels deep.
    const parent = commentById(page, 'c7');
    await parent.getByRole('button', { name: 'Reply to Sharon Paulsen' }).click();
    const form = page.locator('li#comment-c7 > form');
    await expect(form.getByLabel('Your reply to Sharon Paulsen')).toBeFocused();
    await form.getByLabel('Your reply to Sharon Paulsen').fill('Agreed, thanks for the detail.');
    await form.getByRole('button', { name: 'Post reply' }).click();

    const reply = page.locator('li#comment-c7 > ol > li > article');
    await expect(reply).toContainText('Agreed, thanks for the detail.');
    await expect(reply).toHaveAttribute('data-depth', '3');
    await expect(page.locator('li#comment-c7 > form')).toHaveCount(0);
    await expect(page.locator('.tl-heading')).toHaveText('20 comments');

    await stack.killApi();
    await stack.startApi();
    await page.reload();
    await expect(page.locator('li#comment-c7 > ol > li > article')).toContainText('Agreed, thanks for the detail.');
    await expect(page.locator('.tl-heading')).toHaveText('20 comments');
  });

  test('a second page with another thread key has its own, independent thread', async ({ page, stack }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    await expect(page.locator('.tl-heading')).toHaveText('0 comments');
    await expect(page.getByText('No comments yet')).toBeVisible();
    await postTopLevel(page, 'Great news for families.', 'Lee');
    await expect(page.locator('.tl-heading')).toHaveText('1 comment');

    await openArticle(page, stack);
    await expect(page.locator('.tl-heading')).toHaveText('19 comments');
    await expect(commentByText(page, 'Great news for families.')).toHaveCount(0);

    await openArticle(page, stack, LIBRARY_PATH);
    await expect(page.locator('article.tl-comment')).toHaveCount(1);
    // The server learned the page from the first comment.
    const res = await page.request.get(`${stack.api}/api/comments?thread=${encodeURIComponent(LIBRARY_PATH)}`);
    const { thread } = (await res.json()) as { thread: { title: string; url: string } };
    expect(thread).toMatchObject({ title: 'Library Extends Weekend Hours Through the Summer', url: `${stack.site}${LIBRARY_PATH}` });
  });
});

test.describe('failures the reader sees', () => {
  test('a refused post is explained and the typed text stays in the form', async ({ page, stack }) => {
    // The reader replies to a comment that was removed on the server meanwhile: the real server refuses.
    await page.route(`${stack.api}/api/comments?*`, async (route) => {
      const res = await route.fetch();
      const json = await res.json();
      json.comments.push({ ...json.comments[0], id: 'gone-meanwhile', body: 'A comment that no longer exists' });
      await route.fulfill({ response: res, json });
    });
    await openArticle(page, stack);
    const ghost = commentByText(page, 'A comment that no longer exists');
    await ghost.getByRole('button', { name: /^Reply to/ }).click();
    const box = page.getByLabel(/^Your reply to/);
    await box.fill('My careful reply');
    await page.getByRole('button', { name: 'Post reply' }).click();

    await expect(page.getByRole('alert')).toHaveText('The comment you are replying to no longer exists.');
    await expect(box).toHaveValue('My careful reply');
    await expect(page.getByRole('button', { name: 'Post reply' })).toBeEnabled();
  });

  test('a server that is down is explained, and the text can be posted once it is back', async ({ page, stack }) => {
    await openArticle(page, stack);
    await stack.killApi();
    const box = page.getByLabel('Your comment');
    await postTopLevel(page, 'Written while the server was down', 'Ann');
    // The widget retries for a few seconds before it gives up and says so.
    await expect(page.getByRole('alert')).toContainText('Could not reach the comments server', { timeout: 20_000 });
    await expect(box).toHaveValue('Written while the server was down');

    await stack.startApi();
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(commentByText(page, 'Written while the server was down')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(box).toHaveValue('');
  });

  test('limits are checked before sending, with the reason shown', async ({ page, stack }) => {
    await openArticle(page, stack);
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST') posts++;
    });
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByRole('alert')).toHaveText('Write something before posting.');
    await expect(page.getByLabel('Your comment')).toBeFocused();

    await page.getByLabel('Your comment').fill('x'.repeat(10_001));
    await expect(page.locator('.tl-counter')).toHaveText('10,001 / 10,000');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByRole('alert')).toHaveText('Your comment is longer than 10000 characters. Please shorten it.');
    expect(posts).toBe(0);
  });

  test('a thread that cannot be loaded says so and offers to try again', async ({ page, stack }) => {
    // embed.js loads, but the API refuses connections for the thread.
    await page.route(`${stack.api}/api/comments?*`, (route) => route.abort('connectionrefused'));
    await page.goto(`${stack.site}/news/westport-police-address-immigration-raid-fears`);
    await expect(page.getByText('Comments could not be loaded.')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('alert')).toContainText('Could not reach the comments server');
    await page.unroute(`${stack.api}/api/comments?*`);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.tl-heading')).toHaveText('19 comments');
  });
});
