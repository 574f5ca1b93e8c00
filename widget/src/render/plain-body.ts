/**
 * Puts a plain body into `el` the way Markdown would draw it: blank lines make paragraphs, single
 * newlines line breaks, everything else text. Also what a Markdown body shows until its chunk is here.
 */
export function fillPlain(el: HTMLElement, text: string): void {
  const doc = el.ownerDocument;
  const paragraphs = text.split(/\n[ \t]*\n+/).filter((p) => p.trim() !== '');
  el.replaceChildren(
    ...paragraphs.map((para) => {
      const p = doc.createElement('p');
      para.split('\n').forEach((line, i) => {
        if (i > 0) p.append(doc.createElement('br'));
        if (line) p.append(line);
      });
      return p;
    }),
  );
}
