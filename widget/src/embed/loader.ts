/**
 * embed.js: the only script a site owner adds. Kept tiny: it defines `<threadline-comments>`,
 * places one where the script tag stands (or into `data-target`), and fetches the widget module
 * (`threadline.js`, next to this file) only when an element needs it.
 */
import type { MountHandle } from './mount.ts';
import type { MountOptions } from './options.ts';

type WidgetModule = { mount(element: Element, options: MountOptions): MountHandle };

const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[src*="embed.js"]');
const base = script?.src || location.href;
let widget: Promise<WidgetModule> | undefined;

/** Loads the widget module once, from beside embed.js. */
const loadWidget = (): Promise<WidgetModule> =>
  (widget ??= import(/* @vite-ignore */ new URL('threadline.js', base).href) as Promise<WidgetModule>);

/** `<threadline-comments api="…" thread="…" lang="…">`: a comment section wherever it is placed. */
class ThreadlineComments extends HTMLElement {
  static observedAttributes = ['api', 'thread', 'lang'];
  private handle: MountHandle | undefined;
  private ticket = 0;

  connectedCallback(): void {
    this.start();
  }

  disconnectedCallback(): void {
    this.ticket++;
    this.handle?.unmount();
    this.handle = undefined;
  }

  attributeChangedCallback(): void {
    if (this.handle) this.start();
  }

  private start(): void {
    const ticket = ++this.ticket;
    const options: MountOptions = { api: this.getAttribute('api') || new URL(base).origin };
    const thread = this.getAttribute('thread');
    const lang = this.getAttribute('lang');
    if (thread) options.thread = thread;
    if (lang) options.lang = lang;
    loadWidget().then(
      (m) => {
        // The element may have moved or changed while the module loaded: only the latest start wins.
        if (ticket !== this.ticket || !this.isConnected) return;
        this.handle?.unmount();
        this.handle = m.mount(this, options);
      },
      (err: unknown) => console.error('[threadline] could not load the comments widget', err),
    );
  }
}

if (!customElements.get('threadline-comments')) customElements.define('threadline-comments', ThreadlineComments);

/** The script tag mounts a section only when it carries `data-api`; otherwise pages place elements themselves. */
if (script?.dataset.api) {
  const data = script.dataset;
  const element = document.createElement('threadline-comments');
  element.setAttribute('api', data.api!);
  if (data.thread) element.setAttribute('thread', data.thread);
  if (data.lang) element.setAttribute('lang', data.lang);

  const place = (): boolean => {
    if (data.target) {
      const target = document.querySelector(data.target);
      if (!target) return false;
      target.append(element);
    } else if (script.parentElement && script.parentElement !== document.head) {
      script.after(element);
    } else {
      // A tag in <head> has no place in the page to stand: use the end of the body.
      if (!document.body) return false;
      document.body.append(element);
    }
    return true;
  };
  // An async tag can run before its target is parsed: retry once the document is complete.
  if (!place()) {
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        if (!place()) console.error(`[threadline] data-target "${data.target}" matches no element`);
      },
      { once: true },
    );
  }
}
