import { useMemo } from 'preact/hooks';
import type { BodyFormat } from '../protocol/types.ts';
import { formatter } from '../render/formatter.ts';
import { needsFormatting } from '../render/needs-formatting.ts';

/** Props of CommentBody. */
export interface CommentBodyProps {
  text: string;
  format?: BodyFormat | undefined;
}

/**
 * A comment body. Formatted bodies are rendered by the format chunk and sanitized there
 * (sanitize() is the only source of the HTML below); plain prose is rendered as text nodes,
 * blank lines as paragraphs and single newlines as line breaks, the same as Markdown would.
 */
export function CommentBody({ text, format }: CommentBodyProps) {
  const format_ = formatter.value;
  const isFormatted = format === 'html' || needsFormatting(text);
  const html = useMemo(() => (isFormatted && format_ ? format_(text, format) : null), [text, format, format_, isFormatted]);
  if (html !== null) return <div class="tl-body" part="body" dangerouslySetInnerHTML={{ __html: html }} />;
  // HTML from an adapter is never shown raw; until the formatter arrives, show nothing of it.
  if (format === 'html') return <div class="tl-body" part="body" aria-busy="true" />;
  const paragraphs = text.split(/\n[ \t]*\n+/).filter((p) => p.trim() !== '');
  return (
    <div class="tl-body" part="body">
      {paragraphs.map((p, i) => (
        <p key={i}>{p.split('\n').map((line, j) => (j === 0 ? line : [<br key={j} />, line]))}</p>
      ))}
    </div>
  );
}
