/** Issue 13's goals, checked against one `npm run bench` run: the table docs/benchmarks.md shows. */
import type { Download } from './bundle-bytes.ts';
import type { PostResult, RenderResult } from './render.ts';
import type { LoadResult } from './server-load.ts';

/** What the goals are checked against. */
export interface GoalInputs {
  render: RenderResult[];
  submit: PostResult;
  growth: LoadResult[];
  formatted: Download;
  inlineAtLoad: Download;
}

const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (n: number) => `${Math.round(n)} ms`;

/** One row per goal: figure, goal, what this run measured, met or not (or not run, in a quick run). */
export function goalRows({ render, submit, growth, formatted, inlineAtLoad }: GoalInputs): string[][] {
  const at = (n: number) => render.find((r) => r.comments === n);
  const rows: string[][] = [];
  const row = (figure: string, goal: string, value: string | null, met: boolean | null) =>
    rows.push([figure, goal, value ?? 'not run', met === null ? 'not run' : met ? 'met' : 'not met']);
  const r1k = at(1000);
  const r5k = at(5000);
  row(
    'first screenful on screen, 1,000-comment thread (mount() → painted)',
    '≤ 40 ms, the rest of the page without a long task',
    r1k ? `${ms(r1k.firstScreenfulMs)} (${r1k.firstScreenfulComments} comments); TBT of the page ${ms(r1k.firstPageTbtMs)}` : null,
    r1k ? r1k.firstScreenfulMs <= 40 && r1k.firstPageTbtMs === 0 : null,
  );
  row('1,000 comments at once', '≤ 180 ms', r1k ? ms(r1k.allMs) : null, r1k ? r1k.allMs <= 180 : null);
  row('5,000 comments at once', '≤ 470 ms', r5k ? ms(r5k.allMs) : null, r5k ? r5k.allMs <= 470 : null);
  row('total blocking time, 1,000 at once', '≤ 100 ms', r1k ? ms(r1k.allTbtMs) : null, r1k ? r1k.allTbtMs <= 100 : null);
  row('JS heap, 1,000 (page subtracted)', '≤ 2.5 MB', r1k ? `${r1k.heapMb.toFixed(1)} MB` : null, r1k ? r1k.heapMb <= 2.5 : null);
  const perComment = r1k ? r1k.domNodes / r1k.comments : null;
  row(
    'DOM nodes per comment, 1,000',
    '≤ 15',
    perComment === null ? null : perComment.toFixed(1),
    perComment === null ? null : perComment <= 15,
  );
  row(
    'click Post → optimistic copy, 1,000 on screen',
    '≤ 16 ms, no long task at any step',
    `${ms(submit.optimisticMs)}; ${submit.longTasks} long tasks to the stored copy (${ms(submit.storedMs)})`,
    submit.optimisticMs <= 16 && submit.longTasks === 0,
  );
  row(
    'bytes for a formatted thread (gzip)',
    '≤ 30 KB',
    `${kb(formatted.bytes)} (${formatted.files.join(', ')})`,
    formatted.bytes <= 30 * KB,
  );
  row(
    'bytes at load, article with data-inline (gzip)',
    '≤ 12 KB',
    `${kb(inlineAtLoad.bytes)} (${inlineAtLoad.files.join(', ')})`,
    inlineAtLoad.bytes <= 12 * KB,
  );
  for (const store of ['SQLite', 'PostgreSQL']) {
    const rps = (n: number) => growth.find((g) => g.scenario === `${store}: ${n} comments`)?.rps;
    const small = rps(100);
    const big = rps(10000);
    const ratio = small && big ? small / big : null;
    row(
      `${store}: first page of a 10,000-comment thread vs 100 (time per read)`,
      '≤ 1.3×',
      ratio === null ? null : `${ratio.toFixed(2)}× (${small} → ${big} req/s)`,
      ratio === null ? null : ratio <= 1.3,
    );
  }
  return rows;
}
