import { describe, expect, it } from 'vitest';
import { comment } from '../testing/fake-backend.ts';
import { applyPickEvent } from './editors-picks.ts';

describe('applyPickEvent', () => {
  const a = comment('a', { featured: true });
  const b = comment('b', { featured: true });
  it('adds a newly featured comment in order of writing, replaces an edited pick, drops an unfeatured one', () => {
    expect(applyPickEvent([b], { type: 'edit', comment: a }).map((c) => c.id)).toEqual(['a', 'b']);
    expect(applyPickEvent([a, b], { type: 'edit', comment: { ...a, body: 'new' } })[0]!.body).toBe('new');
    expect(applyPickEvent([a, b], { type: 'edit', comment: { ...a, featured: false } }).map((c) => c.id)).toEqual(['b']);
  });
  it('drops a deleted or held pick, and ignores comments that are no picks', () => {
    expect(applyPickEvent([a, b], { type: 'delete', id: 'b', comment: null }).map((c) => c.id)).toEqual(['a']);
    const picks = [a];
    expect(applyPickEvent(picks, { type: 'comment', comment: comment('c') })).toBe(picks);
    expect(applyPickEvent(picks, { type: 'edit', comment: { ...b, status: 'pending' } })).toBe(picks);
  });
});
