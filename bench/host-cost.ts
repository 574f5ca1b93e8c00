import type { Browser } from '@playwright/test';
import type { Stack } from '../e2e/stack.ts';

/** What the widget costs the host page, with and without it (medians of `runs` loads). */
export interface HostCost {
  variant: string;
  longTasks: number;
  tbtMs: number;
  loadMs: number;
  /** Layout shift while loading and while the reader scrolls down to the comments. */
  cls: number;
}

const INIT = () => {
  const w = window as unknown as { __perf: { longTasks: number[]; cls: number } };
  w.__perf = { longTasks: [], cls: 0 };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__perf.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => {
      const shift = e as PerformanceEntry & { value: number; hadRecentInput: boolean };
      if (!shift.hadRecentInput) w.__perf.cls += shift.value;
    }),
  ).observe({ type: 'layout-shift', buffered: true });
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Loads the demo article with the default (lazy) tag, without any tag, and with the section in view at load. */
export async function measureHostCost(browser: Browser, stack: Stack, articlePath: string, runs = 5): Promise<HostCost[]> {
  const html = await (await fetch(`${stack.site}${articlePath}`)).text();
  stack.pages.set('/bench-without', { html: html.replace(/<script src="[^"]*embed\.js"[^>]*><\/script>/, '') });
  // The demo article has inline comments on; the default tag has not.
  stack.pages.set('/bench-lazy', { html: html.replace(/ data-inline="[^"]*"/, '') });
  // A short page: the comment section is on screen as soon as the page loads.
  stack.pages.set('/bench-in-view', {
    html: html.replace(/(<div class="story-body">)[\s\S]*?(<\/div>)/, '$1<p>A short brief.</p>$2'),
  });
  const variants: [string, string, boolean][] = [
    ['article without threadline', '/bench-without', true],
    ['article with threadline (default lazy tag)', '/bench-lazy', true],
    [
      'article with inline comments (data-inline: the marker layer at load; the demo article is short, so the widget follows)',
      articlePath,
      true,
    ],
    ['short article, comments in view at load', '/bench-in-view', false],
  ];
  const out: HostCost[] = [];
  for (const [variant, path, scroll] of variants) {
    const results: Omit<HostCost, 'variant'>[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // tsx keeps function names with a __name() helper that the page lacks.
      await page.addInitScript('window.__name = (f) => f');
      await page.addInitScript(INIT);
      await page.goto(`${stack.site}${path}`, { waitUntil: 'load' });
      await page.waitForTimeout(800);
      const loadMs = await page.evaluate(() => performance.getEntriesByType('navigation')[0]!.duration);
      const atLoad = await page.evaluate(() => (window as unknown as { __perf: { longTasks: number[] } }).__perf.longTasks.slice());
      if (scroll) {
        // The reader scrolls down in steps, as with a wheel, to the end of the page.
        for (let y = 0; y < 8; y++) {
          await page.mouse.wheel(0, 500);
          await page.waitForTimeout(120);
        }
      }
      if (path !== '/bench-without') await page.locator('.tl-heading').filter({ hasText: /\d/ }).waitFor();
      await page.waitForTimeout(500);
      const cls = await page.evaluate(() => (window as unknown as { __perf: { cls: number } }).__perf.cls);
      results.push({ longTasks: atLoad.length, tbtMs: atLoad.reduce((n, d) => n + Math.max(0, d - 50), 0), loadMs, cls });
      await page.close();
    }
    out.push({
      variant,
      longTasks: median(results.map((r) => r.longTasks)),
      tbtMs: median(results.map((r) => r.tbtMs)),
      loadMs: median(results.map((r) => r.loadMs)),
      cls: median(results.map((r) => r.cls)),
    });
  }
  return out;
}
