import type { Browser, Page } from '@playwright/test';
import type { Stack } from '../e2e/stack.ts';
import { DEFAULT_PAGE_SIZE } from '../widget/src/embed/options.ts';
import type { Comment } from '../widget/src/protocol/types.ts';
import { screenfulOf } from '../widget/src/state/first-screenful.ts';

/** Render figures for one thread size (medians of `runs` fresh pages). */
export interface RenderResult {
  comments: number;
  firstPageComments: number;
  /** Comments in the first screenful (see widget/src/state/first-screenful.ts). */
  firstScreenfulComments: number;
  /** mount() → the first screenful in the DOM and painted. */
  firstScreenfulMs: number;
  /** mount() → every comment of the first page in the DOM and painted. */
  firstPageMs: number;
  firstPageTbtMs: number;
  /** mount() with the whole thread in hand → every comment in the DOM and painted. */
  allMs: number;
  allTbtMs: number;
  /** JS heap after a forced GC, the page's own (module loaded, nothing mounted) subtracted. */
  heapMb: number;
  /** DOM nodes (DevTools count), the page's own subtracted. */
  domNodes: number;
}

/** JS heap (MB) and DOM nodes of a page after a forced garbage collection. */
async function memoryOf(page: Page): Promise<{ heapMb: number; nodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  await cdp.detach();
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { heapMb: metric('JSHeapUsedSize') / 1024 / 1024, nodes: metric('Nodes') };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Long tasks are recorded from document start, so none escapes the window measured. */
const INIT = () => {
  const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** Where the pages import the widget from (default: the stack's server); another build, to compare two in one run. */
export const widgetModule: { url: string | null } = { url: null };

async function benchPage(browser: Browser, stack: Stack): Promise<Page> {
  stack.pages.set('/bench', {
    // A headline and a paragraph before the comments, as on every page that has them: the page's
    // own text has been laid out (fonts found) before the widget's, as on a real article.
    html: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><h1>Headline</h1><p>The article, then its comments.</p><div id="c"></div></body></html>',
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx keeps function names with a __name() helper that the page lacks.
  await page.addInitScript('window.__name = (f) => f');
  await page.addInitScript(INIT);
  await page.goto(`${stack.site}/bench`);
  // The module is fetched before timing: mount time is the widget's work, not the network's.
  await page.evaluate(async (url) => {
    (window as unknown as { tl: unknown }).tl = await import(url);
  }, widgetModule.url ?? `${stack.api}/threadline.js`);
  return page;
}

/** In the page: mounts, waits until `expected` comments are in the DOM and painted; returns ms and TBT. */
const MEASURE = async ({
  api,
  thread,
  expected,
  all,
  postTo,
  first = expected,
}: {
  api: string;
  thread: string;
  expected: number;
  all: unknown[] | null;
  postTo?: string;
  /** Comments of the first screenful: the time they are shown is returned as `firstMs`. */
  first?: number;
}) => {
  const w = window as unknown as {
    tl: { mount(el: Element, o: object): unknown };
    __longTasks: { start: number; duration: number }[];
  };
  const el = document.querySelector('#c')!;
  const options: Record<string, unknown> = { api, thread, lang: 'en' };
  if (all) {
    options.backend = {
      listThread: async (key: string) => ({
        thread: { key, title: null, url: null, commentCount: all.length },
        comments: all,
        nextCursor: null,
      }),
      // Posts reach the real server when asked (the posting figure), else this backend is read-only.
      postComment: async (req: unknown) => {
        if (!postTo) throw new Error('read-only');
        const res = await fetch(`${postTo}/api/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(req),
        });
        return res.json();
      },
    };
  }
  const shown = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        const root = el.querySelector('threadline-root')?.shadowRoot;
        if (root && root.querySelectorAll('article').length >= count) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
  // Painted: the frame after the DOM change has been produced.
  const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const t0 = performance.now();
  w.tl.mount(el, options);
  await shown(first);
  await painted();
  const firstMs = performance.now() - t0;
  await shown(expected);
  await painted();
  const t1 = performance.now();
  await new Promise((r) => setTimeout(r, 300));
  const tbt = w.__longTasks.filter((t) => t.start >= t0 - 1 && t.start <= t1).reduce((n, t) => n + Math.max(0, t.duration - 50), 0);
  return { ms: t1 - t0, firstMs, tbt };
};

/** Fetches every page of a thread through the API (untimed), for the all-at-once measurement. */
const FETCH_ALL = async ({ api, thread }: { api: string; thread: string }) => {
  const all: unknown[] = [];
  let cursor: string | null = null;
  do {
    const url = new URL('/api/comments', api);
    url.searchParams.set('thread', thread);
    url.searchParams.set('limit', '200');
    if (cursor) url.searchParams.set('cursor', cursor);
    const res = (await (await fetch(url)).json()) as { comments: unknown[]; nextCursor: string | null };
    all.push(...res.comments);
    cursor = res.nextCursor;
  } while (cursor);
  return all;
};

/** Measures first-page and whole-thread rendering of `thread` (which holds `n` comments). */
export async function measureRender(browser: Browser, stack: Stack, thread: string, n: number, runs = 5): Promise<RenderResult> {
  const firstPageUrl = `${stack.api}/api/comments?thread=${encodeURIComponent(thread)}&limit=${DEFAULT_PAGE_SIZE}`;
  const pageComments = ((await (await fetch(firstPageUrl)).json()) as { comments: Comment[] }).comments;
  const firstPage = pageComments.length;
  const screenful = screenfulOf(pageComments, 'oldest').length;
  const first: { ms: number; firstMs: number; tbt: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await benchPage(browser, stack);
    first.push(await page.evaluate(MEASURE, { api: stack.api, thread, expected: firstPage, first: screenful, all: null }));
    await page.close();
  }
  const all: { ms: number; tbt: number; heap: number; nodes: number }[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
    const page = await benchPage(browser, stack);
    const baseline = await memoryOf(page);
    const comments = await page.evaluate(FETCH_ALL, { api: stack.api, thread });
    await page.evaluate(() => {
      (window as unknown as { __longTasks: unknown[] }).__longTasks.length = 0;
    });
    const r = await page.evaluate(MEASURE, { api: stack.api, thread, expected: n, all: comments });
    const after = await memoryOf(page);
    all.push({ ...r, heap: after.heapMb - baseline.heapMb, nodes: after.nodes - baseline.nodes });
    await page.close();
  }
  return {
    comments: n,
    firstPageComments: firstPage,
    firstScreenfulComments: screenful,
    firstScreenfulMs: median(first.map((r) => r.firstMs)),
    firstPageMs: median(first.map((r) => r.ms)),
    firstPageTbtMs: median(first.map((r) => r.tbt)),
    allMs: median(all.map((r) => r.ms)),
    allTbtMs: median(all.map((r) => r.tbt)),
    heapMb: median(all.map((r) => r.heap)),
    domNodes: median(all.map((r) => r.nodes)),
  };
}

/** Click on "Post comment" with a whole thread on the page (medians of the runs). */
export interface PostResult {
  /** Click → the optimistic copy in the DOM and painted. */
  optimisticMs: number;
  /** Click → the server's copy swapped in and painted (includes the POST round trip). */
  storedMs: number;
  /** Long tasks (over 50 ms) between the click and the stored copy painted, and their blocking time. */
  longTasks: number;
  tbtMs: number;
}

/**
 * Posts a top-level comment with all `n` comments of `thread` on the page (handed to `mount()` by
 * an in-memory backend, as for "whole thread at once"; the POST goes to the real server).
 */
export async function measurePost(browser: Browser, stack: Stack, thread: string, n: number, runs = 5): Promise<PostResult> {
  const results: PostResult[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await benchPage(browser, stack);
    const comments = await page.evaluate(FETCH_ALL, { api: stack.api, thread });
    await page.evaluate(MEASURE, { api: stack.api, thread, expected: n, all: comments, postTo: stack.api });
    await page.waitForTimeout(300);
    const text = `Benchmark post ${i} ${Date.now()}`;
    await page.getByLabel('Your comment').fill(text);
    results.push(
      await page.evaluate(async (body) => {
        const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
        const root = document.querySelector('threadline-root')!.shadowRoot!;
        const button = root.querySelector<HTMLButtonElement>('form.tl-composer button[type=submit]')!;
        const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const until = (found: () => boolean) =>
          new Promise<void>((resolve) => {
            const check = () => (found() ? resolve() : requestAnimationFrame(check));
            check();
          });
        const mine = () => [...root.querySelectorAll('article')].find((a) => a.querySelector('.tl-body')?.textContent === body);
        const t0 = performance.now();
        button.click();
        await until(() => !!mine());
        await painted();
        const optimisticMs = performance.now() - t0;
        await until(() => !mine()?.dataset.commentId?.startsWith('pending-'));
        await painted();
        const storedMs = performance.now() - t0;
        const long = w.__longTasks.filter((t) => t.start >= t0 - 1 && t.start <= t0 + storedMs);
        return { optimisticMs, storedMs, longTasks: long.length, tbtMs: long.reduce((s, t) => s + Math.max(0, t.duration - 50), 0) };
      }, text),
    );
    await page.close();
  }
  return {
    optimisticMs: median(results.map((r) => r.optimisticMs)),
    storedMs: median(results.map((r) => r.storedMs)),
    longTasks: median(results.map((r) => r.longTasks)),
    tbtMs: median(results.map((r) => r.tbtMs)),
  };
}

/**
 * Time from clicking "Reply" on the first comment to its reply form shown, with the whole thread
 * of `n` comments on the page (median of `runs`): how the widget keeps up in a long thread.
 */
export async function measureReplyOpen(browser: Browser, stack: Stack, thread: string, n: number, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await benchPage(browser, stack);
    const comments = await page.evaluate(FETCH_ALL, { api: stack.api, thread });
    await page.evaluate(MEASURE, { api: stack.api, thread, expected: n, all: comments });
    await page.waitForTimeout(300);
    times.push(
      await page.evaluate(async () => {
        const root = document.querySelector('threadline-root')!.shadowRoot!;
        const reply = root.querySelector<HTMLButtonElement>('.tl-actions button[data-action="reply"]')!;
        const t0 = performance.now();
        reply.click();
        await new Promise<void>((resolve) => {
          const check = () => (root.querySelector('form.tl-composer-reply') ? resolve() : requestAnimationFrame(check));
          check();
        });
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      }),
    );
    await page.close();
  }
  return median(times);
}

/** Where the time of drawing a whole thread at once goes: self time (ms) by kind of code, from the JS profiler. */
/** The parts of a DevTools CPU profile that bench/profile.ts reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

export async function profileAllAtOnce(
  browser: Browser,
  stack: Stack,
  thread: string,
  n: number,
  onProfile?: (profile: CpuProfile) => void,
): Promise<Record<string, number>> {
  const page = await benchPage(browser, stack);
  const comments = await page.evaluate(FETCH_ALL, { api: stack.api, thread });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.evaluate(MEASURE, { api: stack.api, thread, expected: n, all: comments });
  const { profile } = await cdp.send('Profiler.stop');
  await page.close();
  onProfile?.(profile);
  const kindOf = (url: string, fn: string): string => {
    if (fn === '(garbage collector)') return 'garbage collection';
    if (fn === '(program)' || fn === '(idle)' || fn === '(root)')
      return fn === '(idle)' ? 'idle' : 'browser (style, layout, paint, parsing)';
    if (/threadline-format-/.test(url)) return 'Markdown (format chunk)';
    if (/threadline/.test(url)) return 'threadline.js (Preact, signals, the widget)';
    return url ? 'other scripts' : 'browser built-ins';
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals: Record<string, number> = {};
  profile.samples?.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const kind = kindOf(frame.url, frame.functionName);
    totals[kind] = (totals[kind] ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000;
  });
  return totals;
}
