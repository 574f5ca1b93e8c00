import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { log } from '../log.ts';
import { canSanitizeNow, loadSanitizer, setSanitizedHTML } from '../render/sanitize.ts';

/** Props of HtmlBody. */
export interface HtmlBodyProps {
  /** HTML from a backend adapter, untrusted. */
  html: string;
}

/**
 * A body of HTML from a backend adapter (WordPress), put in by sanitize.ts and by nothing else.
 * Loaded as a chunk of its own, only for threads that have such bodies.
 */
export function HtmlBody({ html }: HtmlBodyProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [isReady, setReady] = useState(canSanitizeNow);
  useLayoutEffect(() => {
    if (!isReady) {
      // Never shown raw: empty and busy until the DOMPurify chunk is there.
      loadSanitizer().then(
        () => setReady(true),
        (err: unknown) => log.warn('could not load the HTML sanitizer', err),
      );
      return;
    }
    setSanitizedHTML(ref.current!, html);
  }, [html, isReady]);
  return <div class="tl-body" part="body" ref={ref} aria-busy={isReady ? undefined : 'true'} />;
}
