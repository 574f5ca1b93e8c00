// @vitest-environment node
// A pure function: no DOM needed.
import { describe, expect, it } from 'vitest';
import { shownComments } from './shown-comments.ts';

const c = (id: string, parentId: string | null, status = 'published') => ({ id, parentId, status });
const ids = (list: { id: string }[]) => shownComments(list as ReturnType<typeof c>[]).map((x) => x.id);

describe('shownComments', () => {
  it('hides held and rejected comments and everything under them, however deep', () => {
    expect(
      ids([c('a', null), c('held', 'a', 'pending'), c('r1', 'held'), c('r2', 'r1'), c('no', null, 'rejected'), c('r3', 'no'), c('b', 'a')]),
    ).toEqual(['a', 'b']);
  });

  it('keeps a deleted comment only as the placeholder of a published one below it, at any depth', () => {
    expect(
      ids([c('d1', null, 'deleted'), c('d2', 'd1', 'deleted'), c('p', 'd2'), c('d3', null, 'deleted'), c('d4', 'd3', 'deleted')]),
    ).toEqual(['d1', 'd2', 'p']);
    // A placeholder whose only reply is held shows nothing.
    expect(ids([c('d', null, 'deleted'), c('h', 'd', 'pending')])).toEqual([]);
  });

  it('shows an orphan (its parent not in the export), and survives a parent cycle', () => {
    expect(ids([c('o', 'missing'), c('x', 'y'), c('y', 'x')])).toEqual(['o', 'x', 'y']);
  });
});
