import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatterReadyFor } from '../render/formatter.ts';
import { commentsOf, FIRST_SCREENFUL, positionOf } from '../state/first-screenful.ts';
import { countNodes, type ReplyNode } from '../state/reply-tree.ts';

/** Each slice aims at this much rendering work, well under a long task (50 ms) with style and layout. */
const SLICE_MS = 12;
const [MIN_SLICE, MAX_SLICE] = [20, 400];

/**
 * How many comments of `roots` to draw, in drawing order: the first screenful at once, then a
 * slice per task (sized to take about SLICE_MS) until all are drawn; from then on, everything.
 * With a `shown` id on the page (a linked comment, the reader's new one) the whole page is drawn at once. With
 * `shown` null (a nested list), everything is drawn at once.
 */
export function useProgressiveLimit(roots: readonly ReplyNode[], shown: readonly (string | null)[] | null): number {
  const [drawn, setDrawn] = useState(shown ? FIRST_SCREENFUL : Number.POSITIVE_INFINITY);
  const slice = useRef({ size: MIN_SLICE, startedAt: 0 });
  const total = countNodes(roots);
  let limit = drawn;
  // A linked or just-posted comment is scrolled to once drawn: draw the whole page with it, so
  // nothing drawn later (a deep reply listed before it, a re-flowed body) moves it out of view.
  if (shown && limit < total && shown.some((id) => id && positionOf(roots, id) >= 0)) limit = total;
  const isDone = limit >= total;

  // The slice just drawn: size the next one after how long this one took.
  useLayoutEffect(() => {
    const s = slice.current;
    if (!s.startedAt) return;
    const took = Math.max(1, performance.now() - s.startedAt);
    s.size = Math.round(Math.min(MAX_SLICE, Math.max(MIN_SLICE, (s.size * SLICE_MS) / took)));
    s.startedAt = 0;
  }, [drawn]);

  useEffect(() => {
    if (drawn === Number.POSITIVE_INFINITY) return;
    // All drawn: later changes (a live reply mid-thread, another page) are drawn as they come.
    if (isDone) return setDrawn(Number.POSITIVE_INFINITY);
    let isCancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = limit + slice.current.size;
    // Formatted bodies wait for the format chunk (loading since mount), so they do not re-flow when it lands.
    void formatterReadyFor(commentsOf(roots).slice(limit, next)).then(() => {
      if (isCancelled) return;
      // A task per slice: the browser paints and answers input in between.
      timer = setTimeout(() => {
        slice.current.startedAt = performance.now();
        setDrawn(next);
      }, 0);
    });
    return () => {
      isCancelled = true;
      clearTimeout(timer);
    };
  }, [roots, limit, drawn, isDone]);
  return limit;
}
