import { describe, expect, it } from 'vitest';
import { movedSelection, queueCommandOf } from './queue-keys.ts';

const on = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra }) as unknown as EventTarget;

describe('the queue’s keyboard shortcuts', () => {
  it.each([
    ['j', 'next'],
    ['k', 'previous'],
    ['a', 'approve'],
    ['r', 'reject'],
    ['f', 'feature'],
    ['x', null],
    ['J', null],
  ])('%s on the page means %s', (key, command) => {
    expect(queueCommandOf({ key, target: on('BODY') })).toBe(command);
  });

  it.each([
    ['an input', on('INPUT')],
    ['a textarea', on('textarea')],
    ['a select', on('SELECT')],
    ['editable text', on('DIV', { isContentEditable: true })],
  ])('letters typed into %s stay text', (_, target) => {
    expect(queueCommandOf({ key: 'a', target })).toBeNull();
  });

  it('leaves Ctrl, Cmd and Alt combinations to the browser', () => {
    expect(queueCommandOf({ key: 'r', ctrlKey: true, target: on('BODY') })).toBeNull();
    expect(queueCommandOf({ key: 'r', metaKey: true, target: on('BODY') })).toBeNull();
    expect(queueCommandOf({ key: 'f', altKey: true, target: on('BUTTON') })).toBeNull();
    expect(queueCommandOf({ key: 'a', target: on('BUTTON') })).toBe('approve');
  });

  it('moves one step at a time and stops at either end', () => {
    expect(movedSelection(-1, 'next', 3)).toBe(0);
    expect(movedSelection(-1, 'previous', 3)).toBe(2);
    expect(movedSelection(0, 'next', 3)).toBe(1);
    expect(movedSelection(2, 'next', 3)).toBe(2);
    expect(movedSelection(0, 'previous', 3)).toBe(0);
    expect(movedSelection(5, 'previous', 0)).toBe(-1);
  });
});
