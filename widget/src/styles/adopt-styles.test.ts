import { describe, expect, it } from 'vitest';
import { adoptStyles } from './adopt-styles.ts';

const shadow = () => document.createElement('div').attachShadow({ mode: 'open' });

describe('adoptStyles', () => {
  it('parses a stylesheet once a page: two roots adopting the same CSS share one sheet, and each lets go of it alone', () => {
    const [a, b] = [shadow(), shadow()];
    const css = '.tl { color: red; }';
    const removeA = adoptStyles(a, css);
    adoptStyles(b, css);
    expect(a.adoptedStyleSheets).toHaveLength(1);
    expect(b.adoptedStyleSheets[0]).toBe(a.adoptedStyleSheets[0]);
    adoptStyles(b, '.tl-other { color: blue; }');
    expect(b.adoptedStyleSheets[1]).not.toBe(b.adoptedStyleSheets[0]);
    removeA();
    expect(a.adoptedStyleSheets).toHaveLength(0);
    expect(b.adoptedStyleSheets).toHaveLength(2);
  });
});
