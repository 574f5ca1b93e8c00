/**
 * `npx tsx e2e/mail-screenshot.ts` (also run by `npm run screenshots`): a real reply mail, end to
 * end (server process, SMTP server on loopback, double opt-in), its HTML part rendered in Chromium
 * into docs/screenshot-reply-mail.png.
 */
import { chromium } from '@playwright/test';
import { startMailbox } from '../server-stub/src/outbox/test-receivers.ts';
import { chromiumLaunchOptions } from './chromium.ts';
import { startStack } from './stack.ts';

const box = await startMailbox();
const stack = await startStack({
  env: {
    THREADLINE_SEED: '0',
    THREADLINE_SMTP_URL: box.url,
    THREADLINE_MAIL_FROM: '"The Westport Ledger" <comments@ledger.test>',
    THREADLINE_NOTIFY_BATCH_MINUTES: '0.05',
  },
});
const browser = await chromium.launch(chromiumLaunchOptions());
const until = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!check()) throw new Error('no mail arrived');
};
try {
  const post = async (body: object) => {
    const res = await fetch(`${stack.api}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        thread: '/news/harbour-plan',
        page: { title: 'Council backs the harbour plan, with conditions', url: 'https://ledger.test/news/harbour-plan' },
        ...body,
      }),
    });
    return ((await res.json()) as { comment: { id: string } }).comment;
  };
  const top = await post({
    body: 'Who pays for the dredging? The article does not say.',
    author: { name: 'Ann Whitlock', email: 'ann@reader.test' },
    notify: 'replies',
    lang: 'en',
  });
  await until(() => box.mails.length === 1);
  await fetch(/http:\/\/\S+\/api\/notify\/confirm\?\S+/.exec(box.mails[0]!.text ?? '')![0]);
  await post({
    parentId: top.id,
    body: 'The port authority does, according to the council minutes from March: about 2.1 million over three years.',
    author: { name: 'Ben Osei' },
  });
  await post({
    parentId: top.id,
    body: 'And the state covers the rest if costs overrun. Page 14 of the plan.',
    author: { name: 'Carla Ruiz' },
  });
  await until(() => box.mails.length === 2);
  const page = await browser.newPage({ viewport: { width: 720, height: 640 } });
  await page.setContent(String(box.mails[1]!.html));
  await page.screenshot({ path: new URL('../docs/screenshot-reply-mail.png', import.meta.url).pathname, fullPage: true });
  console.log(`subject: ${box.mails[1]!.subject}`);
} finally {
  await browser.close();
  await stack.stop();
  await box.close();
}
