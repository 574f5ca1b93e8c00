/**
 * `npx tsx e2e/admin-screenshot.ts` (also run by `npm run screenshots`): the moderation page's
 * reported queue with a held comment, a pending one selected by keyboard, into docs/screenshot-admin.png.
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';
import { startStack } from './stack.ts';

const ADMIN = 'screenshot-admin-token-0001';
const stack = await startStack({
  env: { THREADLINE_MODERATION: 'all', THREADLINE_ADMIN_TOKEN: ADMIN, THREADLINE_FLAG_THRESHOLD: '2', THREADLINE_TRUST_PROXY: '1' },
});
const browser = await chromium.launch(chromiumLaunchOptions());
const api = async (path: string, init: { method?: string; body?: object; headers?: Record<string, string> } = {}) => {
  const res = await fetch(`${stack.api}${path}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return (await res.json()) as { comment: { id: string } };
};
const asOwner = { authorization: `Bearer ${ADMIN}` };
try {
  const thread = '/news/library-extends-weekend-hours';
  const post = (body: string, name: string) => api('/api/comments', { body: { thread, body, author: { name } } });
  const spam = await post('Cheap watches at my shop, link in bio!', 'Watch Deals');
  await api(`/api/admin/comments/${spam.comment.id}/approve`, { headers: asOwner });
  for (const [ip, reason, note] of [
    ['198.51.100.7', 'spam', 'advertising'],
    ['203.0.113.9', 'off-topic', ''],
  ] as const)
    await api(`/api/comments/${spam.comment.id}/flags`, {
      body: { reason, ...(note ? { note } : {}) },
      headers: { 'x-voter-id': `voter-${ip.replaceAll('.', '-')}`, 'x-forwarded-for': ip },
    });
  await post('Saturday hours are a lifeline for shift workers like me.', 'Dana');
  await post('Will the children’s room open on Sundays too?', 'Priya');
  const page = await browser.newPage({ viewport: { width: 1000, height: 820 } });
  await page.goto(`${stack.api}/admin`);
  await page.getByLabel('Admin token').fill(ADMIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('li.comment').first().waitFor();
  await page.keyboard.press('j');
  await page.getByRole('checkbox', { name: 'Select the comment by Dana' }).check();
  await page.keyboard.press('j');
  await page.screenshot({ path: new URL('../docs/screenshot-admin.png', import.meta.url).pathname });
  await page.getByRole('tab', { name: 'Reported' }).click();
  await page.locator('li.comment .reports').first().waitFor();
  await page.screenshot({ path: new URL('../docs/screenshot-admin-reported.png', import.meta.url).pathname });
} finally {
  await browser.close();
  await stack.stop();
}
