import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { startStack } from '../e2e/stack.ts';

const SEED = '/news/westport-police-address-immigration-raid-fears';
const stack = await startStack();
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(`${stack.site}${SEED}`);
await page.waitForTimeout(1500);
console.log(await page.locator('threadline-inline').count(), 'inline hosts');
console.log(
  await page.locator('.tl-inline-marker').count(),
  'markers',
  await page.locator('.tl-inline-marker:not(.tl-inline-marker-empty)').allTextContents(),
);
await page.screenshot({ path: '/tmp/scratch/desk1.png' });
await page.locator('.tl-inline-marker:not(.tl-inline-marker-empty)').first().click();
await page.waitForTimeout(800);
await page.screenshot({ path: '/tmp/scratch/desk2.png' });
await page.keyboard.press('Escape');
await page.waitForTimeout(300);
console.log(
  'focused after escape:',
  await page.evaluate(() => {
    const h = document.querySelector('threadline-inline')!.shadowRoot!;
    return h.activeElement?.getAttribute('aria-label');
  }),
);
// select text
await page.evaluate(() => {
  const p = [...document.querySelectorAll('.story-body p')][4]!;
  const t = p.firstChild!;
  const i = t.textContent!.indexOf('Connecticut');
  const r = document.createRange();
  r.setStart(t, i);
  r.setEnd(t, i + 'Connecticut Trust Act'.length);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(r);
});
await page.waitForTimeout(300);
await page.screenshot({ path: '/tmp/scratch/desk3.png' });
await page.locator('.tl-inline-select').click();
await page.waitForTimeout(500);
await page.keyboard.type('Typed into the quote panel');
await page.screenshot({ path: '/tmp/scratch/desk4.png' });
await page.keyboard.press('Escape');
await page.locator('threadline-root .tl-anchor').first().scrollIntoViewIfNeeded();
await page.waitForTimeout(300);
await page.screenshot({ path: '/tmp/scratch/desk5.png' });
const phone = await browser.newPage({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
await phone.goto(`${stack.site}${SEED}`);
await phone.waitForTimeout(1500);
await phone.locator('.tl-inline-marker:not(.tl-inline-marker-empty)').first().scrollIntoViewIfNeeded();
await phone.screenshot({ path: '/tmp/scratch/phone1.png' });
await phone.locator('.tl-inline-marker:not(.tl-inline-marker-empty)').first().tap();
await phone.waitForTimeout(600);
await phone.screenshot({ path: '/tmp/scratch/phone2.png' });
await browser.close();
await stack.stop();
