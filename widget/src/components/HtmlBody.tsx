import { useLayoutEffect, useRef } from 'preact/hooks';
import type { FillHtml } from '../render/formatter.ts';

/** Props of HtmlBody. */
export interface HtmlBodyProps {
  /** HTML from a backend adapter, untrusted. */
  html: string;
  /** sanitize.ts's filler, once its chunk has loaded; null until then. */
  fill: FillHtml | null;
}

/**
 * A body of HTML from a backend adapter (WordPress), put in by sanitize.ts and by nothing else:
 * empty and busy until the sanitizer's chunk is there, never shown raw.
 */
export function HtmlBody({ html, fill }: HtmlBodyProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (fill) fill(ref.current!, html);
  }, [html, fill]);
  return <div class="tl-body" part="body" ref={ref} aria-busy={fill ? undefined : 'true'} />;
}
