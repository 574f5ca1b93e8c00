import { startMailbox } from '../server-stub/src/outbox/test-receivers.ts';
import { expect, openArticle, test } from './fixtures.ts';
import { startStack } from './stack.ts';

test('a reader ticks "Email me when someone replies", confirms by mail, and is mailed the reply', async ({ page }) => {
  const box = await startMailbox();
  const stack = await startStack({
    env: { THREADLINE_SMTP_URL: box.url, THREADLINE_MAIL_FROM: 'c@ledger.test', THREADLINE_NOTIFY_BATCH_MINUTES: '0' },
  });
  try {
    await openArticle(page, stack);
    const form = page.locator('form.tl-composer').first();
    const optIn = form.getByLabel(/Email me when someone replies/);
    await expect(optIn).toHaveCount(0);
    await form.getByLabel('Your comment').fill('Will the hearing be streamed?');
    await form.getByLabel('Name').fill('Rosa');
    await form.getByLabel('Email').fill('rosa@example.com');
    await optIn.check();
    await form.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => box.mails.length, { timeout: 15_000 }).toBe(1);
    const link = /http:\/\/\S+\/api\/notify\/confirm\?\S+/.exec(box.mails[0]!.text ?? '')![0];
    await page.goto(link);
    await expect(page.locator('body')).toContainText('your email address is confirmed');

    const id = await (
      await page.request.get(
        `${stack.api}/api/comments?thread=${encodeURIComponent('/news/westport-police-address-immigration-raid-fears')}&sort=newest&limit=1`,
      )
    )
      .json()
      .then((r: { comments: { id: string }[] }) => r.comments[0]!.id);
    await page.request.post(`${stack.api}/api/comments`, {
      data: {
        thread: '/news/westport-police-address-immigration-raid-fears',
        parentId: id,
        body: 'Yes, on the council site.',
        author: { name: 'Ben' },
      },
    });
    await expect.poll(() => box.mails.length, { timeout: 15_000 }).toBe(2);
    expect(box.mails[1]!.subject).toMatch(/^New reply on /);
    expect(box.mails[1]!.text).toContain(`#comment-`);
  } finally {
    await stack.stop();
    await box.close();
  }
});
