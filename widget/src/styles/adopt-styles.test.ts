import { describe, expect, it } from 'vitest';
import { adoptStyles, chunkStyles } from './adopt-styles.ts';

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

describe('chunkStyles', () => {
  it('puts a chunk’s CSS into the root its element is drawn in, once however many components and elements use it', () => {
    const [a, b] = [shadow(), shadow()];
    const css = '.tl-report-form { border: 1px solid; }';
    // Two components of one chunk, each with its own ref over the same stylesheet.
    const [report, edit] = [chunkStyles(css), chunkStyles(css)];
    const inA = () => a.appendChild(document.createElement('form'));
    report(inA());
    edit(inA());
    report(inA());
    report(null);
    expect(a.adoptedStyleSheets).toHaveLength(1);
    expect([...a.adoptedStyleSheets[0]!.cssRules].map((r) => r.cssText).join()).toContain('.tl-report-form');
    expect(b.adoptedStyleSheets).toHaveLength(0);
    edit(b.appendChild(document.createElement('form')));
    expect(b.adoptedStyleSheets[0]).toBe(a.adoptedStyleSheets[0]);
    // Not drawn in a shadow root (yet): nothing to style, nothing thrown.
    expect(() => report(document.createElement('form'))).not.toThrow();
  });
});

describe('without constructable stylesheets (older browsers)', () => {
  it('puts each stylesheet after the ones before it, so a chunk’s rules come after widget.css’s', () => {
    const proto = Object.getPrototypeOf(shadow());
    const own = Object.getOwnPropertyDescriptor(proto, 'adoptedStyleSheets');
    delete proto.adoptedStyleSheets;
    try {
      const root = shadow();
      adoptStyles(root, '.tl-body { padding: 1em; }');
      root.append(document.createElement('section'));
      chunkStyles('.tl-held-body { padding: 0; }')(root.lastElementChild);
      expect([...root.querySelectorAll('style')].map((s) => s.textContent)).toEqual([
        '.tl-body { padding: 1em; }',
        '.tl-held-body { padding: 0; }',
      ]);
    } finally {
      if (own) Object.defineProperty(proto, 'adoptedStyleSheets', own);
    }
  });
});
