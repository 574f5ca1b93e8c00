/** Props of CommentBody. */
export interface CommentBodyProps {
  text: string;
}

/**
 * A plain-text body: blank lines start paragraphs, single newlines are line breaks.
 * Rendered as text nodes, never as HTML, so nothing a reader types can become markup.
 */
export function CommentBody({ text }: CommentBodyProps) {
  const paragraphs = text.split(/\n[ \t]*\n+/).filter((p) => p.trim() !== '');
  return (
    <div class="tl-body">
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split('\n').map((line, j) => (j === 0 ? line : [<br key={j} />, line]))}
        </p>
      ))}
    </div>
  );
}
