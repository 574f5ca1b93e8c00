/**
 * Calls `tick` every `seconds` while the page is visible: a hidden tab costs the site nothing, and
 * a tab coming back after longer than the interval checks at once. Ticks never overlap. Returns
 * the function that stops it.
 */
export function pollWhileVisible(seconds: number, tick: () => Promise<void>, doc: Document | undefined = globalThis.document): () => void {
  const everyMs = seconds * 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = Date.now();
  let running = false;
  let stopped = false;
  const isVisible = () => doc?.visibilityState !== 'hidden';

  const run = async () => {
    timer = undefined;
    if (stopped || running || !isVisible()) return;
    running = true;
    try {
      await tick();
    } catch {
      // A failed check is tried again next time; the reader loses nothing meanwhile.
    } finally {
      running = false;
      last = Date.now();
      schedule(everyMs);
    }
  };
  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped && isVisible()) timer = setTimeout(() => void run(), ms);
  };
  const onVisibility = () => {
    if (isVisible()) schedule(Math.max(0, everyMs - (Date.now() - last)));
    else clearTimeout(timer);
  };
  doc?.addEventListener('visibilitychange', onVisibility);
  schedule(everyMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
    doc?.removeEventListener('visibilitychange', onVisibility);
  };
}
