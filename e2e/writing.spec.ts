import type { Locator, Page } from '@playwright/test';
import {
  commentById,
  commentByText,
  drawn,
  expect,
  LIBRARY_PATH,
  openArticle,
  openMore,
  postTopLevel,
  postViaApi,
  SEED_PATH,
  test,
} from './fixtures.ts';

/** Deletes a comment through its own Delete button (under "More") and the confirmation that follows it. */
async function confirmDelete(comment: Locator): Promise<void> {
  await openMore(comment);
  await comment.getByRole('button', { name: 'Delete' }).click();
  await comment.getByRole('group', { name: 'Delete this comment?' }).getByRole('button', { name: 'Delete' }).click();
}

/** Every comment the server has for a thread (all pages). */
async function stored(page: Page, api: string, thread: string): Promise<{ id: string; body: string; status: string }[]> {
  const res = await page.request.get(`${api}/api/comments?thread=${encodeURIComponent(thread)}&limit=200`);
  return ((await res.json()) as { comments: { id: string; body: string; status: string }[] }).comments;
}

test.describe('nothing lost', () => {
  test('a draft survives a reload, and is cleared once the server has the comment', async ({ page, stack }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    await page.getByLabel('Your comment').fill('Half of a long thought');
    await page.waitForTimeout(500); // drafts save 300 ms after typing stops
    await page.reload();
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await expect(page.getByLabel('Your comment')).toHaveValue('Half of a long thought');
    await expect(page.getByText('Your unsent draft was restored.')).toBeVisible();
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(commentByText(page, 'Half of a long thought')).toHaveAttribute('aria-busy', 'false');
    await page.reload();
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await expect(page.getByLabel('Your comment')).toHaveValue('');
    await expect(commentByText(page, 'Half of a long thought')).toHaveCount(1);
  });

  test('a reply draft is kept per parent', async ({ page, stack }) => {
    await openArticle(page, stack);
    await commentById(page, 'c2')
      .getByRole('button', { name: /^Reply to/ })
      .click();
    await page.getByLabel('Your reply to Sharon Paulsen').fill('Reply in progress');
    await page.waitForTimeout(500);
    await page.reload();
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await commentById(page, 'c2')
      .getByRole('button', { name: /^Reply to/ })
      .click();
    await expect(page.getByLabel('Your reply to Sharon Paulsen')).toHaveValue('Reply in progress');
    await commentById(page, 'c3')
      .getByRole('button', { name: /^Reply to/ })
      .click();
    await expect(page.getByLabel('Your reply to Jeff Arciola')).toHaveValue('');
  });

  test('a post shows at once, marked as sending, and becomes normal when confirmed', async ({ page, stack }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    let release: () => void = () => {};
    await page.route(`${stack.api}/api/comments`, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await new Promise<void>((r) => (release = r));
      await route.fallback();
    });
    await postTopLevel(page, 'Appears before the server answers', 'Noor');
    const mine = commentByText(page, 'Appears before the server answers');
    await expect(mine).toBeVisible();
    await expect(mine.locator('.tl-sending')).toHaveText('Sending…');
    await expect(mine).toHaveAttribute('aria-busy', 'true');
    release();
    await expect(mine).toHaveAttribute('aria-busy', 'false');
    await expect(mine.locator('a.tl-time')).toBeVisible();
  });

  test('a lost response is retried with the same Idempotency-Key: one comment, not two', async ({ page, stack }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    const keys: string[] = [];
    let dropped = 0;
    await page.route(`${stack.api}/api/comments`, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      if (dropped < 2) {
        // The server gets and stores the post, but the answer never reaches the reader.
        dropped++;
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.fallback();
    });
    await postTopLevel(page, 'Posted exactly once', 'Ivo');
    await expect(commentByText(page, 'Posted exactly once')).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
    expect(keys.length).toBe(3);
    expect(new Set(keys).size).toBe(1);
    expect((await stored(page, stack.api, LIBRARY_PATH)).filter((c) => c.body === 'Posted exactly once')).toHaveLength(1);
    await expect(commentByText(page, 'Posted exactly once')).toHaveCount(1);
    await expect(page.locator('.tl-heading')).toHaveText('1 comment');
  });

  test('a server killed mid-post: the post goes through once the server is back, once', async ({ page, stack }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    await stack.killApi();
    await postTopLevel(page, 'Sent while the server was restarting', 'Ama');
    await expect(commentByText(page, 'Sent while the server was restarting')).toHaveAttribute('aria-busy', 'true');
    await stack.startApi();
    await expect(commentByText(page, 'Sent while the server was restarting')).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
    expect((await stored(page, stack.api, LIBRARY_PATH)).map((c) => c.body)).toEqual(['Sent while the server was restarting']);
  });

  const failures: { title: string; status: number; body: object; headers?: Record<string, string>; message: RegExp }[] = [
    {
      title: 'rate-limited, with the wait',
      status: 429,
      body: { error: { code: 'rate_limited', message: 'Slow down' } },
      headers: { 'retry-after': '42' },
      message: /wait 42 seconds/,
    },
    {
      title: 'thread locked',
      status: 403,
      body: { error: { code: 'thread_locked', message: 'Locked' } },
      message: /closed to new comments/,
    },
    {
      title: 'too long (server side)',
      status: 422,
      body: { error: { code: 'body_too_long', message: 'Too long', field: 'body' } },
      message: /longer than 10000 characters/,
    },
    { title: 'server error after retries', status: 503, body: { error: { code: 'internal', message: 'Down' } }, message: /had a problem/ },
  ];
  for (const f of failures) {
    test(`a failure says what happened and keeps the text: ${f.title}`, async ({ page, stack }) => {
      await openArticle(page, stack, LIBRARY_PATH);
      await page.route(`${stack.api}/api/comments`, (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: f.status,
              json: f.body,
              headers: { 'access-control-allow-origin': stack.site, 'access-control-expose-headers': 'Retry-After', ...(f.headers ?? {}) },
            })
          : route.fallback(),
      );
      await postTopLevel(page, `Text that must survive (${f.title})`);
      await expect(page.getByRole('alert')).toHaveText(f.message, { timeout: 15_000 });
      await expect(page.getByLabel('Your comment')).toHaveValue(`Text that must survive (${f.title})`);
      await expect(page.locator('article.tl-comment')).toHaveCount(0);
    });
  }

  test('offline: says so, keeps the text, and posts once back online', async ({ page, stack, context }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    await context.setOffline(true);
    await postTopLevel(page, 'Written on the train');
    await expect(page.getByRole('alert')).toContainText('You are offline');
    await expect(page.getByLabel('Your comment')).toHaveValue('Written on the train');
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(commentByText(page, 'Written on the train')).toHaveAttribute('aria-busy', 'false');
  });
});

test.describe('the composer', () => {
  test('remembers the name, email and website; Ctrl+Enter posts; the website links the name', async ({ page, stack }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    const form = page.locator('form.tl-composer').first();
    await form.getByLabel('Your comment').fill('With my details');
    await form.getByLabel('Name').fill('Rosa');
    await form.getByLabel('Email').fill('rosa@example.com');
    await form.getByLabel('Website').fill('https://rosa.example');
    await form.getByLabel('Your comment').press('Control+Enter');
    const mine = commentByText(page, 'With my details');
    await expect(mine.locator('.tl-author a')).toHaveAttribute('href', 'https://rosa.example');
    await expect(mine.locator('.tl-author a')).toHaveAttribute('rel', 'nofollow ugc noopener noreferrer');
    await expect(page.getByText('rosa@example.com')).toHaveCount(0);
    // The details are remembered when the server has taken the post (a refused name is not): the
    // optimistic copy above shows the link before that, and a busy machine reloaded in between.
    await expect(mine).toHaveAttribute('aria-busy', 'false');
    await page.reload();
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await expect(page.getByLabel('Name')).toHaveValue('Rosa');
    await expect(page.getByLabel('Email')).toHaveValue('rosa@example.com');
  });

  test('previews the formatting, and counts characters near the limit', async ({ page, stack }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    await page.getByLabel('Your comment').fill('Some **bold** and a [link](https://example.com)');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('.tl-preview');
    await expect(preview.locator('strong')).toHaveText('bold');
    await expect(preview.locator('a')).toHaveAttribute('rel', 'nofollow ugc noopener noreferrer');
    await page.getByRole('button', { name: 'Write' }).click();
    await page.getByLabel('Your comment').fill('y'.repeat(9_000));
    await expect(page.locator('.tl-counter')).toHaveText('9,000 / 10,000');
  });

  test('Escape closes an empty reply form, and asks first when it holds text', async ({ page, stack }) => {
    await openArticle(page, stack);
    const reply = commentById(page, 'c1').getByRole('button', { name: /^Reply to/ });
    await reply.click();
    // The form takes the focus when it opens; Escape is meant for it.
    await expect(page.getByLabel(/^Your reply to/)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByLabel(/^Your reply to/)).toHaveCount(0);
    await reply.click();
    await expect(page.getByLabel(/^Your reply to/)).toBeFocused();
    await page.keyboard.type('Second thoughts');
    await page.keyboard.press('Escape');
    await expect(page.getByText('Discard this reply?')).toBeVisible();
    await page.getByRole('button', { name: 'Keep writing' }).click();
    await expect(page.getByLabel(/^Your reply to/)).toHaveValue('Second thoughts');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Discard' }).click();
    await expect(page.getByLabel(/^Your reply to/)).toHaveCount(0);
    await reply.click();
    await expect(page.getByLabel(/^Your reply to/)).toHaveValue('');
  });
});

test.describe('owning a comment', () => {
  test('the author edits within the window and it shows "edited"; deleting without replies removes it', async ({ page, stack }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    await postTopLevel(page, 'Teh typo', 'Lee');
    const mine = commentByText(page, 'Teh typo');
    await expect(mine).toHaveAttribute('aria-busy', 'false');
    await openMore(mine);
    await mine.getByRole('button', { name: 'Edit' }).click();
    const box = page.getByLabel('Edit your comment');
    await expect(box).toBeFocused();
    await box.fill('The typo, fixed');
    await page.getByRole('button', { name: 'Save' }).click();
    const edited = commentByText(page, 'The typo, fixed');
    await expect(edited.locator('.tl-edited')).toContainText('edited');
    await page.reload();
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await expect(commentByText(page, 'The typo, fixed').locator('.tl-edited')).toContainText('edited');

    await confirmDelete(commentByText(page, 'The typo, fixed'));
    await expect(commentByText(page, 'The typo, fixed')).toHaveCount(0);
    await expect(page.locator('.tl-heading')).toHaveText('0 comments');
    expect(await stored(page, stack.api, LIBRARY_PATH)).toEqual([]);
  });

  test('deleting a comment with replies leaves [deleted] so the replies keep their place', async ({ page, stack }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    await postTopLevel(page, 'Parent to be deleted', 'Ana');
    const parent = commentByText(page, 'Parent to be deleted');
    await expect(parent).toHaveAttribute('aria-busy', 'false');
    const parentId = (await parent.getAttribute('data-comment-id'))!;
    await postViaApi(page, stack.api, [{ thread: LIBRARY_PATH, parentId, body: 'A reply that stays', name: 'Ben' }]);
    await page.reload();
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await confirmDelete(commentById(page, parentId));
    await expect(commentById(page, parentId).locator('.tl-author')).toHaveText('[deleted]');
    await expect(commentById(page, parentId).locator('.tl-body')).toHaveCount(0);
    await expect(page.locator(`li#comment-${parentId} > ol`).getByText('A reply that stays')).toBeVisible();
    await expect(page.locator('.tl-heading')).toHaveText('1 comment');
  });

  test('another browser sees no Edit or Delete, and the server refuses it without the token (403)', async ({ page, stack, browser }) => {
    await openArticle(page, stack, LIBRARY_PATH);
    await postTopLevel(page, 'Only mine to change');
    const mine = commentByText(page, 'Only mine to change');
    await expect(mine).toHaveAttribute('aria-busy', 'false');
    const id = (await mine.getAttribute('data-comment-id'))!;
    const other = await browser.newPage();
    await openArticle(other, stack, LIBRARY_PATH);
    await expect(commentById(other, id)).toBeVisible();
    // Its "More" holds Report, as on anyone else's comment, and no Edit.
    await openMore(commentById(other, id));
    await expect(commentById(other, id).getByRole('button', { name: /^Report the comment/ })).toBeVisible();
    await expect(commentById(other, id).getByRole('button', { name: 'Edit' })).toHaveCount(0);
    const forged = await other.evaluate(
      async ({ api, id: commentId }) => {
        const patch = await fetch(`${api}/api/comments/${commentId}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'x-edit-token': 'forged-token-1234567890' },
          body: JSON.stringify({ body: 'hijacked' }),
        });
        const del = await fetch(`${api}/api/comments/${commentId}`, { method: 'DELETE' });
        return [patch.status, del.status];
      },
      { api: stack.api, id },
    );
    expect(forged).toEqual([403, 403]);
    expect((await stored(page, stack.api, LIBRARY_PATH)).map((c) => c.body)).toEqual(['Only mine to change']);
    await other.close();
  });
});

test.describe('votes', () => {
  test('an upvote counts once, is remembered, and can be taken back', async ({ page, stack }) => {
    await openArticle(page, stack);
    const vote = commentById(page, 'c10').getByRole('button', { name: /Upvote the comment by Anonymous/ });
    await expect(vote).toHaveAttribute('aria-pressed', 'false');
    await vote.click();
    await expect(vote).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => drawn(vote)).toBe('"▲ 1"');
    await page.reload();
    await page.locator('threadline-comments').scrollIntoViewIfNeeded();
    await expect(vote).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => drawn(vote)).toBe('"▲ 1"');
    await vote.click();
    await expect(vote).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => drawn(vote)).toBe('"▲ Upvote"');
    await page.getByLabel('Sort by').selectOption('top');
  });

  test('"Top" sorts by score', async ({ page, stack }) => {
    await openArticle(page, stack);
    await commentById(page, 'c19')
      .getByRole('button', { name: /^Upvote/ })
      .click();
    await expect.poll(() => drawn(commentById(page, 'c19').getByRole('button', { name: /^Upvote/ }))).toBe('"▲ 1"');
    await page.getByLabel('Sort by').selectOption('top');
    await expect(page.locator('section.tl > ol > li').first().locator('> article')).toHaveAttribute('data-comment-id', 'c19');
  });
});

test.describe('live', () => {
  test('two readers: new comments wait behind a button, replies appear in place, edits, deletes and votes arrive', async ({
    page,
    stack,
    browser,
  }) => {
    const other = await browser.newPage();
    await openArticle(page, stack);
    await openArticle(other, stack);
    await page.waitForTimeout(300); // both streams connected

    await postTopLevel(other, 'A new top-level comment from B', 'B');
    const show = page.getByRole('button', { name: 'Show 1 new comment' });
    await expect(show).toBeVisible();
    await expect(commentByText(page, 'A new top-level comment from B')).toHaveCount(0);
    await expect(page.locator('.tl-heading')).toHaveText('20 comments');
    await show.click();
    await expect(commentByText(page, 'A new top-level comment from B')).toBeVisible();

    await commentById(other, 'c12')
      .getByRole('button', { name: /^Reply to/ })
      .click();
    await other.getByLabel(/^Your reply to/).fill('A reply from B, live');
    await other.getByRole('button', { name: 'Post reply' }).click();
    const reply = page.locator('li#comment-c12 > ol > li > article', { hasText: 'A reply from B, live' });
    await expect(reply).toBeVisible();
    await expect(reply).toHaveClass(/tl-comment-new/);

    const bReply = commentByText(other, 'A reply from B, live');
    await expect(bReply).toHaveAttribute('aria-busy', 'false');
    await openMore(bReply);
    await bReply.getByRole('button', { name: 'Edit' }).click();
    await other.getByLabel('Edit your comment').fill('A reply from B, edited live');
    await other.getByRole('button', { name: 'Save' }).click();
    await expect(commentByText(page, 'A reply from B, edited live').locator('.tl-edited')).toBeVisible();

    await commentById(other, 'c13')
      .getByRole('button', { name: /^Upvote/ })
      .click();
    await expect.poll(() => drawn(commentById(page, 'c13').getByRole('button', { name: /^Upvote/ }))).toBe('"▲ 1"');

    await confirmDelete(commentByText(other, 'A reply from B, edited live'));
    await expect(commentByText(page, 'A reply from B, edited live')).toHaveCount(0);
    await other.close();
  });

  test('a reader who lost the stream gets what was missed on reconnect, once', async ({ page, stack }) => {
    await openArticle(page, stack);
    await page.waitForTimeout(300);
    await stack.killApi();
    await stack.startApi();
    // Posted before the widget's EventSource reconnects (it retries after 2 s).
    await postViaApi(page, stack.api, [{ thread: SEED_PATH, parentId: 'c19', body: 'Missed while disconnected' }]);
    const missed = page.locator('li#comment-c19 > ol > li > article', { hasText: 'Missed while disconnected' });
    await expect(missed).toBeVisible({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await expect(missed).toHaveCount(1);
  });

  test('two tabs of one reader: a comment posted in one can be edited from the other', async ({ page, stack, context }) => {
    const second = await context.newPage();
    await openArticle(page, stack, LIBRARY_PATH);
    await openArticle(second, stack, LIBRARY_PATH);
    await second.waitForTimeout(300);
    await postTopLevel(page, 'Posted in tab one', 'Tab');
    await expect(commentByText(page, 'Posted in tab one')).toHaveAttribute('aria-busy', 'false');
    // Tab two sees it live (the thread was empty, so it shows at once) and knows it is ours.
    const there = commentByText(second, 'Posted in tab one');
    await expect(there).toBeVisible();
    await openMore(there);
    await expect(there.getByRole('button', { name: 'Edit' })).toBeVisible();
    await second.close();
  });
});
