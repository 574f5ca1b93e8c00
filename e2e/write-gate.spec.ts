import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { commentByText, expect, LIBRARY_PATH, openArticle, openMore, postTopLevel, test, testWithServerEnv } from './fixtures.ts';
import { type Stack, startStack } from './stack.ts';

const ADMIN = 'e2e-admin-token-gate';
const admin = (stack: Stack, path: string, method = 'POST', body?: object) =>
  fetch(`${stack.api}/api/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
const approveAll = async (stack: Stack) => {
  const { comments } = (await (await admin(stack, '/comments?status=pending', 'GET')).json()) as { comments: { id: string }[] };
  for (const c of comments) expect((await admin(stack, `/comments/${c.id}/approve`)).status).toBe(200);
};

test.describe('proof of work', () => {
  const withPow = testWithServerEnv({ THREADLINE_POW: '1' });

  withPow('is solved in the background once the reader starts writing, and the comment posts without a puzzle', async ({ page, stack }) => {
    const challenges: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/challenge')) challenges.push(r.url());
    });
    await openArticle(page, stack, LIBRARY_PATH);
    await page.waitForTimeout(300);
    expect(challenges, 'nothing is asked before the reader starts writing').toEqual([]);
    await page.getByLabel('Your comment').focus();
    await expect.poll(() => challenges.length).toBe(1);
    await postTopLevel(page, 'Worked for it, invisibly', 'Pat');
    const mine = commentByText(page, 'Worked for it, invisibly');
    await expect(mine).toHaveAttribute('aria-busy', 'false');
    await page.reload();
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await expect(commentByText(page, 'Worked for it, invisibly')).toBeVisible();
    // The next comment needs a fresh solution, fetched for it.
    await postTopLevel(page, 'And a second one', 'Pat');
    await expect(commentByText(page, 'And a second one')).toHaveAttribute('aria-busy', 'false');
    expect(challenges.length).toBeGreaterThanOrEqual(2);
  });

  withPow('an expired solution is replaced and the post goes through once', async ({ page, stack }) => {
    let refused = 0;
    await page.route(`${stack.api}/api/comments`, async (route) => {
      if (route.request().method() === 'POST' && refused === 0) {
        refused++;
        return route.fulfill({
          status: 422,
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': stack.site },
          body: JSON.stringify({ error: { code: 'pow_invalid', message: 'expired', field: 'pow' } }),
        });
      }
      return route.continue();
    });
    await openArticle(page, stack, LIBRARY_PATH);
    await postTopLevel(page, 'Posted after a second try', 'Sam');
    await expect(commentByText(page, 'Posted after a second try')).toHaveAttribute('aria-busy', 'false');
    expect(refused).toBe(1);
    const read = await (await fetch(`${stack.api}/api/comments?thread=${encodeURIComponent(LIBRARY_PATH)}`)).json();
    expect((read as { comments: { body: string }[] }).comments.map((c) => c.body)).toEqual(['Posted after a second try']);
  });

  test('is not loaded where the site has not turned it on', async ({ page, stack }) => {
    const asked: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/challenge|pow-solver/.test(r.url())) asked.push(r.url());
    });
    await openArticle(page, stack, LIBRARY_PATH);
    await page.getByLabel('Your comment').focus();
    await postTopLevel(page, 'No work needed here', 'Lou');
    await expect(commentByText(page, 'No work needed here')).toHaveAttribute('aria-busy', 'false');
    expect(asked).toEqual([]);
  });
});

test.describe('edits pass the same gate', () => {
  const gated = testWithServerEnv({
    THREADLINE_MODERATION: 'first-time-and-links',
    THREADLINE_ADMIN_TOKEN: ADMIN,
    THREADLINE_BANNED_WORDS: 'casino',
  });

  gated(
    'an edit that adds a link is held: its author sees "Waiting for approval", other readers see it go',
    async ({ page, stack, browser }) => {
      await openArticle(page, stack, LIBRARY_PATH);
      await postTopLevel(page, 'A first, plain comment', 'Ines');
      await expect(commentByText(page, 'A first, plain comment').locator('.tl-pending')).toBeVisible();
      await approveAll(stack);
      await page.reload();
      await page.locator('threadline-comments').scrollIntoViewIfNeeded();
      const mine = commentByText(page, 'A first, plain comment');
      await expect(mine.locator('.tl-pending')).toHaveCount(0);

      const other = await browser.newPage();
      await openArticle(other, stack, LIBRARY_PATH);
      await expect(commentByText(other, 'A first, plain comment')).toBeVisible();

      await openMore(mine);
      await mine.getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('Edit your comment').fill('Now see https://shop.example for a deal');
      await page.getByRole('button', { name: 'Save' }).click();
      const held = commentByText(page, 'Now see https://shop.example');
      await expect(held.locator('.tl-pending')).toHaveText('Waiting for approval');
      await expect(commentByText(other, 'A first, plain comment')).toHaveCount(0);
      await expect(commentByText(other, 'shop.example')).toHaveCount(0);
      await expect(other.locator('.tl-heading')).toHaveText('0 comments');
      // After a reload the author still sees it, held; the other reader still does not.
      await page.reload();
      await page.locator('threadline-comments').scrollIntoViewIfNeeded();
      await expect(commentByText(page, 'Now see https://shop.example').locator('.tl-pending')).toBeVisible();
      await other.close();
    },
  );

  gated('a refused edit says why in the reader language and keeps the edited text', async ({ page, stack }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    await postTopLevel(page, 'Innocent words', 'Ola');
    // Held for review: the server has it (and the browser its edit token) once it says so.
    await expect(commentByText(page, 'Innocent words').locator('.tl-pending')).toBeVisible();
    await approveAll(stack);
    await page.reload();
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await openMore(commentByText(page, 'Innocent words'));
    await commentByText(page, 'Innocent words').getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Edit your comment').fill('Visit my casino');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert')).toHaveText('Your comment contains words or links this site does not accept.');
    await expect(page.getByLabel('Edit your comment')).toHaveValue('Visit my casino');
    const read = await (await fetch(`${stack.api}/api/comments?thread=${encodeURIComponent(LIBRARY_PATH)}`)).json();
    expect((read as { comments: { body: string }[] }).comments.map((c) => c.body)).toEqual(['Innocent words']);
  });
});

test.describe('external moderation', () => {
  let hook: http.Server;
  let hookUrl = '';
  test.beforeAll(async () => {
    hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const text = (JSON.parse(body) as { data: { comment: { body: string } } }).data.comment.body;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ verdict: text.includes('refuse') ? 'refuse' : 'allow' }));
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/verdict`;
  });
  test.afterAll(() => new Promise<void>((r) => hook.close(() => r())));

  test('a comment the site refuses says so and keeps the text', async ({ page }) => {
    const stack = await startStack({
      env: { THREADLINE_MODERATION_WEBHOOK: hookUrl, THREADLINE_WEBHOOK_SECRET: 'whsec_dGVzdC1zZWNyZXQtZm9yLWUyZQ==' },
    });
    try {
      await openArticle(page, stack, LIBRARY_PATH);
      await postTopLevel(page, 'Please refuse this one', 'Uma');
      await expect(page.getByRole('alert')).toHaveText('This comment was not accepted by the site’s moderation. Your text is still here.');
      await expect(page.getByLabel('Your comment')).toHaveValue('Please refuse this one');
      await page.getByLabel('Your comment').fill('A fine comment');
      await page.getByRole('button', { name: 'Post comment' }).click();
      await expect(commentByText(page, 'A fine comment')).toHaveAttribute('aria-busy', 'false');
    } finally {
      await stack.stop();
    }
  });
});
