/** Renders components inside a view, in the DOM test environment, and finds things as a reader would. */
import { type ComponentChildren, render } from 'preact';
import { act } from 'preact/test-utils';
import { type ThreadView, ViewContext } from '../state/thread-view.ts';

/** A rendered tree: its container, and a way to take it away. */
export interface Rendered {
  container: HTMLElement;
  /** The buttons, by their visible text or accessible name. */
  button(name: string | RegExp): HTMLButtonElement;
  /** Every element's text, spaces collapsed. */
  text(): string;
  unmount(): void;
}

const nameOf = (el: Element) => `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`.replace(/\s+/g, ' ').trim();

/** Renders `children` in `view`'s context into a fresh container on the test page. */
export function renderInView(view: ThreadView, children: ComponentChildren): Rendered {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(<ViewContext.Provider value={view}>{children}</ViewContext.Provider>, container));
  return {
    container,
    button(name) {
      const all = [...container.querySelectorAll('button')];
      const found = all.find((b) => (typeof name === 'string' ? nameOf(b).includes(name) : name.test(nameOf(b))));
      if (!found) throw new Error(`no button "${name}" among: ${all.map(nameOf).join(' | ')}`);
      return found;
    },
    text: () => (container.textContent ?? '').replace(/\s+/g, ' ').trim(),
    unmount() {
      act(() => render(null, container));
      container.remove();
    },
  };
}

/** Clicks, and lets the re-render (and any answer of a fake backend) happen. */
export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** Types into a text field as a reader would (an input event per value). */
export async function type(field: HTMLTextAreaElement | HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Lets signal updates and promises settle, then re-renders. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
