import { Effect } from '@preact/signals-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../backend/event-stream.ts';
import { comment, fakeBackend } from '../testing/fake-backend.ts';
import { mount } from './mount.ts';

/**
 * What a mount leaves running, counted at the globals: effects (signals' Effect class), listeners
 * on the window and the document, timers, and EventSources.
 */
const live = { effects: new Set<object>(), listeners: new Map<string, number>(), timers: new Map<number, number>(), streams: 0 };
const disposed = new WeakSet<object>();
const restore: (() => void)[] = [];

function patch<T extends object, K extends keyof T>(target: T, key: K, wrap: (original: T[K]) => T[K]) {
  const original = target[key];
  target[key] = wrap(original);
  restore.push(() => {
    target[key] = original;
  });
}

beforeAll(() => {
  // Every method an effect runs marks it live; disposing it (by any path) marks it gone. The
  // methods' names are mangled in the package, so all of them are wrapped.
  const proto = Effect.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const disposeKey = /this\.(\w+)\(\)/.exec(String(proto.dispose))?.[1] ?? '_dispose';
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === 'constructor' || key === 'dispose' || typeof proto[key] !== 'function') continue;
    patch(proto, key, (original) =>
      key === disposeKey
        ? function (this: object, ...args: unknown[]) {
            disposed.add(this);
            live.effects.delete(this);
            return original.apply(this, args);
          }
        : function (this: object, ...args: unknown[]) {
            if (!disposed.has(this)) live.effects.add(this);
            return original.apply(this, args);
          },
    );
  }
  for (const target of [window, document] as EventTarget[]) {
    const name = target === window ? 'window' : 'document';
    const id = (type: string, capture: unknown) =>
      `${name}:${type}:${typeof capture === 'object' ? !!(capture as AddEventListenerOptions)?.capture : !!capture}`;
    patch(
      target,
      'addEventListener',
      (add) =>
        function (
          this: EventTarget,
          type: string,
          fn: EventListenerOrEventListenerObject | null,
          options?: boolean | AddEventListenerOptions,
        ) {
          live.listeners.set(id(type, options), (live.listeners.get(id(type, options)) ?? 0) + 1);
          return add.call(this, type, fn, options);
        },
    );
    patch(
      target,
      'removeEventListener',
      (remove) =>
        function (
          this: EventTarget,
          type: string,
          fn: EventListenerOrEventListenerObject | null,
          options?: boolean | EventListenerOptions,
        ) {
          live.listeners.set(id(type, options), (live.listeners.get(id(type, options)) ?? 0) - 1);
          return remove.call(this, type, fn, options);
        },
    );
  }
  const scope = window as unknown as Record<string, (...args: unknown[]) => number | undefined>;
  patch(scope, 'setTimeout', (set) => (fn: unknown, ms?: unknown, ...rest: unknown[]) => {
    const handle = set(
      (...a: unknown[]) => {
        live.timers.delete(handle!);
        (fn as (...a: unknown[]) => void)(...a);
      },
      ms,
      ...rest,
    )!;
    live.timers.set(handle, Number(ms) || 0);
    return handle;
  });
  patch(scope, 'setInterval', (set) => (...args: unknown[]) => {
    const handle = set(...args)!;
    live.timers.set(handle, Number.POSITIVE_INFINITY);
    return handle;
  });
  for (const clear of ['clearTimeout', 'clearInterval']) {
    patch(scope, clear, (original) => (handle: unknown) => {
      live.timers.delete(handle as number);
      return original(handle);
    });
  }
  class CountedEventSource extends EventTarget {
    constructor(readonly url: string) {
      super();
      live.streams++;
    }
    close() {
      live.streams--;
    }
  }
  patch(globalThis as unknown as Record<string, unknown>, 'EventSource', () => CountedEventSource);
});
afterAll(() => {
  for (const r of restore.splice(0).reverse()) r();
});

/** Preact's hooks leave a 35 ms timer for the frame after a render; such short ones are not leaks. */
const SHORT_MS = 100;
const snapshot = () => ({
  effects: live.effects.size,
  listeners: [...live.listeners].filter(([, n]) => n !== 0),
  // Timers that would still run a while after unmount (a frame's fallback timer is about to fire anyway).
  timers: [...live.timers.values()].filter((ms) => ms > SHORT_MS).length,
  streams: live.streams,
});
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('mount() and unmount()', () => {
  it('mounted and unmounted 100 times, leaves no effect, listener, timer or EventSource behind, and the page as it was', async () => {
    document.body.innerHTML = '<article><p>The council met on Tuesday.</p><p>The budget passed.</p></article><div id="comments"></div>';
    const page = document.body.innerHTML;
    const fake = fakeBackend([comment('a', { body: 'Hello' }), comment('a1', { parentId: 'a' })]);
    const backend = {
      ...fake.backend,
      subscribe: (key: string, _v: number, on: Parameters<typeof openEventStream>[1]) =>
        openEventStream(`https://api.example/events?thread=${key}`, on),
    };
    const before = snapshot();
    const element = document.getElementById('comments')!;
    let peak = 0;
    for (let i = 0; i < 100; i++) {
      const handle = mount(element, { backend, thread: '/t' });
      const shadow = () => element.querySelector('threadline-root')?.shadowRoot;
      // Rendered, live, reading: everything a mount starts is running.
      await until(() => !!shadow()?.querySelector('[data-comment-id="a1"]') && live.streams > 0);
      peak = Math.max(peak, live.effects.size);
      handle.unmount();
    }
    // The instruments see what a mount starts (else "nothing left" would prove nothing).
    expect(peak).toBeGreaterThan(before.effects + 10);
    expect(snapshot()).toEqual(before);
    // Preact's hooks keep a 35 ms fallback timer for the frame after a render: it fires, and then nothing is pending.
    await until(() => live.timers.size === 0);
    expect(document.body.innerHTML).toBe(page);
  });
});
