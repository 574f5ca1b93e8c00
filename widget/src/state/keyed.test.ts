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
