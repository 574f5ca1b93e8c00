import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { createThreadView } from '../state/thread-view.ts';
import { comment, fakeBackend, settle, testSession, useMemoryStorage } from '../testing/fake-backend.ts';

/** A fresh copy of the loader (its "loaded once" state is per module instance). */
const freshLoader = async () => {
  vi.resetModules();
  return import('./load-write-chunk.ts');
};

/** A window whose frame and idle callbacks run only when the test says so. */
function stepWindow() {
  const frames: (() => void)[] = [];
  const idles: (() => void)[] = [];
  const win = {
    requestAnimationFrame: (cb: () => void) => frames.push(cb),
    cancelAnimationFrame: () => {},
    requestIdleCallback: (cb: () => void) => idles.push(cb),
    cancelIdleCallback: () => {},
  } as unknown as Window;
  return { win, frames, idles };
}

beforeEach(useMemoryStorage);
afterEach(() => {
  vi.doUnmock('./write-chunk.ts');
});

describe('loading the write chunk', () => {
  it('waits for the first screenful’s frame, then for idle time', async () => {
    const { loadWriteChunkWhenIdle, writeChunk } = await freshLoader();
    const { win, frames, idles } = stepWindow();
    loadWriteChunkWhenIdle(win);
    expect(idles).toHaveLength(0);
    frames.shift()!();
    await settle();
    expect(writeChunk.value).toBeNull();
    idles.shift()!();
    await vi.waitFor(() => expect(writeChunk.value?.CommentWrites).toBeTypeOf('function'));
  });

  it('a chunk that fails to load is asked for again by the next write', async () => {
    vi.doMock('./write-chunk.ts', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const { loadWriteChunk } = await freshLoader();
    await expect(loadWriteChunk()).rejects.toThrow();
    vi.doUnmock('./write-chunk.ts');
    await expect(loadWriteChunk()).resolves.toHaveProperty('CommentWrites');
  });
});

describe('writes made before the chunk is here', () => {
  const setup = async () => {
    const fake = fakeBackend([comment('a', { score: 2 })]);
    const session = testSession(fake.backend, '/t');
    // The view must use the fresh loader too: import it after resetting the modules.
    const { createThreadView: fresh } = (await import('../state/thread-view.ts')) as { createThreadView: typeof createThreadView };
    const view = fresh(session, { settings: { maxDepth: 4, pageSize: 50 }, thread: { sort: 'oldest' } });
    await view.thread.load();
    return { fake, view };
  };

  it('a vote waits for the chunk, then counts: the click is not lost', async () => {
    const { writeChunk } = await freshLoader();
    const { fake, view } = await setup();
    expect(writeChunk.value).toBeNull();
    await view.writes.toggleVote(view.thread.data.value.comments[0]!);
    expect(fake.votes).toEqual([{ id: 'a', on: true }]);
    expect(view.session.reader.votes.value.has('a')).toBe(true);
  });

  it('a post whose chunk cannot be loaded gives the text back and says why', async () => {
    vi.doMock('./write-chunk.ts', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    await freshLoader();
    const { fake, view } = await setup();
    const composer = view.composerFor(null);
    composer.setBody('Worth keeping');
    expect(await composer.submit()).toBeNull();
    expect(composer.body.value).toBe('Worth keeping');
    expect(composer.error.value).toBeInstanceOf(Error);
    expect(composer.error.value?.code).toBe('network');
    expect(fake.posts).toHaveLength(0);
    // The reader tries again once the network is back: the chunk is asked for again, the post goes.
    vi.doUnmock('./write-chunk.ts');
    expect((await composer.submit())?.body).toBe('Worth keeping');
    expect(fake.posts).toHaveLength(1);
  });

  it('offline, a post that finds no chunk says the reader is offline', async () => {
    vi.doMock('./write-chunk.ts', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    await freshLoader();
    const { view } = await setup();
    vi.stubGlobal('navigator', { onLine: false });
    const composer = view.composerFor(null);
    composer.setBody('Later');
    expect(await composer.submit()).toBeNull();
    vi.unstubAllGlobals();
    expect(composer.error.value?.code).toBe('offline');
    expect(composer.body.value).toBe('Later');
  });
});
