/**
 * `npm run screenshots`: takes the pictures in docs/ from a fresh stack (real server, built
 * bundle, demo on its own origin). Look at them after every visual change.
 */

import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';
import { startStack } from './stack.ts';

const SEED = '/news/westport-police-address-immigration-raid-fears';
const out = (name: string) => new URL(`../docs/${name}`, import.meta.url).pathname;

const stack = await startStack();
const browser = await chromium.launch(chromiumLaunchOptions());

/** Opens a URL, scrolls the comments in, and waits for them. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('threadline-comments').scrollIntoViewIfNeeded();
  await page.locator('.tl-heading').filter({ hasText: /\d/ }).waitFor();
  await page.evaluate(() => document.fonts.ready);
}

/** Scrolls so the end of the story and the top of the comments are in view. */
const frameComments = (page: Page) =>
  page.evaluate(() => {
    const p = document.querySelector('.story-body p:last-child') ?? document.querySelector('threadline-comments')!;
    window.scrollTo(0, p.getBoundingClientRect().top + window.scrollY - 40);
  });

try {
  const desktop = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
  await open(desktop, `${stack.site}${SEED}`);
  await frameComments(desktop);
  await desktop.screenshot({ path: out('screenshot.png') });
  const light = await desktop.screenshot({ clip: { x: 240, y: 0, width: 800, height: 1500 } });

  await open(desktop, `${stack.site}${SEED}?theme=dark`);
  await frameComments(desktop);
  await desktop.screenshot({ path: out('screenshot-dark.png') });
  const dark = await desktop.screenshot({ clip: { x: 240, y: 0, width: 800, height: 1500 } });

  const pair = await browser.newPage({ viewport: { width: 1600, height: 1500 } });
  await pair.setContent(
    `<body style="margin:0;display:flex"><img style="width:800px" src="data:image/png;base64,${light.toString('base64')}"><img style="width:800px" src="data:image/png;base64,${dark.toString('base64')}"></body>`,
  );
  await pair.screenshot({ path: out('themes-side-by-side.png') });

  const phone = await browser.newPage({ viewport: { width: 360, height: 1400 }, isMobile: true, deviceScaleFactor: 2 });
  await open(phone, `${stack.site}${SEED}#comment-c7`);
  await phone
    .locator('article[data-comment-id="c7"]')
    .getByRole('button', { name: /^Reply to/ })
    .click();
  await phone.evaluate(() => window.scrollBy(0, -200));
  await phone.screenshot({ path: out('screenshot-phone.png') });

  stack.pages.set('/hostile', {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title>
      <style>* { all: revert; color: red !important; font-size: 40px !important } div { display: flex } button { display: none }</style></head>
      <body><div><p>A page whose CSS says * { all: revert; color: red !important; font-size: 40px !important }, div { display: flex }, button { display: none }</p></div>
      <script src="${stack.api}/embed.js" data-api="${stack.api}" data-thread="${SEED}" async></script></body></html>`,
  });
  const hostile = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await open(hostile, `${stack.site}/hostile`);
  await hostile.evaluate(() => window.scrollTo(0, 0));
  await hostile.screenshot({ path: out('screenshot-hostile.png') });

  // Inline comments: a quote being commented on beside its paragraph, and a phone's bottom sheet.
  const inline = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await inline.goto(`${stack.site}${SEED}`);
  const trust = inline.locator('.story-body p').nth(4);
  await inline.locator('threadline-inline .tl-inline-marker[data-block="3"]').getByText('5').waitFor();
  await trust.evaluate((el) => {
    const node = el.firstChild!;
    const at = node.textContent!.indexOf('Immigration and Customs');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'Immigration and Customs Enforcement detainer request'.length);
    getSelection()!.addRange(range);
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 420);
  });
  await inline.getByRole('button', { name: 'Comment on the selected text' }).click();
  await inline.keyboard.type('Detainer requests are not warrants: a judge has not signed them.');
  await inline.evaluate(() => getSelection()!.removeAllRanges());
  await inline.screenshot({ path: out('screenshot-inline.png') });

  const sheet = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await sheet.goto(`${stack.site}${SEED}`);
  const marker = sheet.locator('threadline-inline .tl-inline-marker[data-block="3"]');
  await marker.getByText('5').waitFor();
  await marker.tap();
  await sheet.getByRole('dialog').locator('article.tl-comment').nth(4).waitFor();
  await sheet.evaluate(() => document.fonts.ready);
  await sheet.screenshot({ path: out('screenshot-inline-phone.png') });

  // The widget in Arabic (right to left), Japanese and German: a nested thread with a reply form open.
  for (const lang of ['ar', 'ja', 'de']) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
    await open(page, `${stack.site}${SEED}?lang=${lang}`);
    await page.locator('article[data-comment-id="c3"] .tl-actions button:not(.tl-vote)').first().click();
    await page.locator('threadline-comments').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 20));
    await page.screenshot({ path: out(`screenshot-${lang}.png`) });
  }
  console.log('screenshots written to docs/');
} finally {
  await browser.close();
  await stack.stop();
}
