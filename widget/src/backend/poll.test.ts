import { afterEach, describe, expect, it, vi } from 'vitest';
import { pollWhileVisible } from './poll.ts';

/** A document whose visibility the test switches. */
function fakeDocument() {
  const target = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  target.visibilityState = 'visible';
  return {
    doc: target as unknown as Document,
    set(state: DocumentVisibilityState) {
      target.visibilityState = state;
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('pollWhileVisible', () => {
  it('asks every interval while visible, never while hidden, and at once when the tab returns overdue', async () => {
    vi.useFakeTimers();
    const page = fakeDocument();
    let ticks = 0;
    const stop = pollWhileVisible(
      10,
      async () => {
        ticks++;
      },
      page.doc,
    );
    await vi.advanceTimersByTimeAsync(25_000);
    expect(ticks).toBe(2);
    page.set('hidden');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ticks).toBe(2);
    page.set('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(ticks).toBe(3);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ticks).toBe(3);
  });

  it('keeps polling after a failed check', async () => {
    vi.useFakeTimers();
    let ticks = 0;
    const stop = pollWhileVisible(
      2,
      async () => {
        ticks++;
        throw new Error('offline');
      },
      fakeDocument().doc,
    );
    await vi.advanceTimersByTimeAsync(6_000);
    expect(ticks).toBe(3);
    stop();
  });
});
