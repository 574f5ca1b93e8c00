import { afterEach, describe, expect, it, vi } from 'vitest';
import { comment, fakeBackend, useMemoryStorage } from '../testing/fake-backend.ts';

/**
 * mount() with a fresh write-chunk loader, and a window whose frames never come: the idle load
 * then never starts, so only the reader's reach can load the chunk.
 */
async function mountWithoutIdle() {
  useMemoryStorage();
  vi.resetModules();
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
  const { mount } = await import('../embed/mount.ts');
  const { writeChunk } = await import('./load-write-chunk.ts');
  const host = document.createElement('div');
  document.body.append(host);
  const handle = mount(host, { backend: fakeBackend([comment('a')]).backend, thread: '/t' });
  const root = () => host.querySelector('threadline-root')!.shadowRoot!;
  await vi.waitFor(() => expect(root().querySelector('textarea')).not.toBeNull());
  return { handle, root, writeChunk, host };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('the write chunk and the first screenful', () => {
  it('is not loaded to draw the thread and its form; focusing the form loads it', async () => {
    const { handle, root, writeChunk } = await mountWithoutIdle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(writeChunk.value).toBeNull();
    root()
      .querySelector('textarea')!
      .dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await vi.waitFor(() => expect(writeChunk.value).not.toBeNull());
    handle.unmount();
  });

  it('a pointer or a key anywhere in the widget loads it too', async () => {
    for (const event of [new PointerEvent('pointerdown', { bubbles: true }), new KeyboardEvent('keydown', { bubbles: true })]) {
      const { handle, root, writeChunk } = await mountWithoutIdle();
      root().querySelector('h2')!.dispatchEvent(event);
      await vi.waitFor(() => expect(writeChunk.value).not.toBeNull());
      handle.unmount();
    }
  });
});
