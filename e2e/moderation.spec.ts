import { commentByText, expect, LIBRARY_PATH, openArticle, postTopLevel, SEED_PATH, testWithServerEnv } from './fixtures.ts';
import type { Stack } from './stack.ts';

const ADMIN = 'e2e-admin-token-0001';
/** A stack whose server holds every comment for a moderator. */
const test = testWithServerEnv({ THREADLINE_MODERATION: 'all', THREADLINE_ADMIN_TOKEN: ADMIN });
const admin = (stack: Stack, path: string, method = 'POST', body?: object) =>
  fetch(`${stack.api}/api/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

test('a held comment shows only to its author, marked, until a moderator approves it', async ({ page, stack, browser }) => {
  await openArticle(page, stack, LIBRARY_PATH);
  const other = await browser.newPage();
  await openArticle(other, stack, LIBRARY_PATH);
  await other.waitForTimeout(300);

  await postTopLevel(page, 'Please approve me', 'Kai');
  const mine = commentByText(page, 'Please approve me');
  await expect(mine.locator('.tl-pending')).toHaveText('Waiting for approval');
  await expect(page.locator('.tl-heading')).toHaveText('0 comments');
  await page.reload();
  await page.locator('threadline-comments').scrollIntoViewIfNeeded();
  await expect(commentByText(page, 'Please approve me').locator('.tl-pending')).toBeVisible();
  await expect(commentByText(other, 'Please approve me')).toHaveCount(0);

  const pending = (await (await admin(stack, '/comments?status=pending', 'GET')).json()) as { comments: { id: string }[] };
  expect((await admin(stack, `/comments/${pending.comments[0]!.id}/approve`)).status).toBe(200);
  // The other reader gets it live (their thread was empty, so it shows at once).
  await expect(commentByText(other, 'Please approve me')).toBeVisible();
  await page.reload();
  await page.locator('threadline-comments').scrollIntoViewIfNeeded();
  await expect(commentByText(page, 'Please approve me').locator('.tl-pending')).toHaveCount(0);
  await expect(page.locator('.tl-heading')).toHaveText('1 comment');
  await other.close();
});

test('a locked thread says so and offers no forms', async ({ page, stack }) => {
  expect((await admin(stack, '/threads/lock', 'POST', { thread: SEED_PATH, locked: true })).status).toBe(200);
  await openArticle(page, stack);
  await expect(page.getByRole('note')).toHaveText(/^Comments are closed \(since .+\)\.$/);
  await expect(page.getByLabel('Your comment')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Reply to/ })).toHaveCount(0);
  await expect(page.locator('article.tl-comment')).toHaveCount(19);
});

test('a bot that fills the hidden field is refused, and the text stays', async ({ page, stack }) => {
  await openArticle(page, stack, LIBRARY_PATH);
  await expect(page.locator('input[name="url"]')).toBeHidden();
  // A bot scripts the page and fills every field it finds.
  await page.locator('input[name="url"]').evaluate((el: HTMLInputElement) => {
    el.value = 'http://spam.example';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await postTopLevel(page, 'Cheap watches');
  await expect(page.getByRole('alert')).toContainText('looked automated');
  await expect(page.getByLabel('Your comment')).toHaveValue('Cheap watches');
});
