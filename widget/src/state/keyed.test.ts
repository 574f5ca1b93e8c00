// @vitest-environment node
// Pure functions: no DOM needed, and Node starts faster than a DOM.
import { effect, signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { keyed } from './keyed.ts';

describe('keyed()', () => {
  it('answers like the lookup, and notifies only the ids whose answer changed', () => {
    const replyingTo = signal<string | null>(null);
    const isReplying = keyed(() => {
      const id = replyingTo.value;
      return (c) => c === id;
    });
    const runs: Record<string, number> = { a: 0, b: 0, c: 0 };
    const seen: Record<string, boolean> = {};
    for (const id of ['a', 'b', 'c']) {
      effect(() => {
        seen[id] = isReplying(id);
        runs[id]!++;
      });
    }
    expect(seen).toEqual({ a: false, b: false, c: false });
    replyingTo.value = 'b';
    expect(seen).toEqual({ a: false, b: true, c: false });
    expect(runs).toEqual({ a: 1, b: 2, c: 1 });
    replyingTo.value = 'c';
    expect(runs).toEqual({ a: 1, b: 3, c: 2 });
    expect(isReplying('d')).toBe(false);
  });

  it('works over sets and maps, for ids first asked after a change', () => {
    const names = signal(new Map<string, string | null>([['a', 'Ann']]));
    const nameOf = keyed(() => {
      const map = names.value;
      return (id) => map.get(id) ?? null;
    });
    expect(nameOf('a')).toBe('Ann');
    names.value = new Map([
      ['a', 'Ann'],
      ['b', 'Bo'],
    ]);
    expect(nameOf('b')).toBe('Bo');
    names.value = new Map([['b', 'Bob']]);
    expect(nameOf('a')).toBeNull();
    expect(nameOf('b')).toBe('Bob');
  });
});

describe('keyed() teardown', () => {
  it('starts nothing of its own: once its readers are disposed, a change of the source runs no lookup', () => {
    const source = signal(0);
    let lookups = 0;
    const isEven = keyed(() => {
      lookups++;
      const n = source.value;
      return (id) => (Number(id) + n) % 2 === 0;
    });
    const stop = effect(() => {
      isEven('1');
    });
    source.value = 1;
    const before = lookups;
    stop();
    source.value = 2;
    source.value = 3;
    expect(lookups).toBe(before);
  });
});
