import { SaxesParser } from 'saxes';
import { ImportInputError } from './import-error.ts';

/** An element of a record, built as a small tree (attributes, text, child elements). */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
  /** Line of its start tag. */
  line: number;
}

/** A record element started (its children so far are those before this point) or ended (complete). */
export interface XmlEvent {
  type: 'start' | 'end';
  node: XmlNode;
  /** The record it is nested in (a WXR comment's item), if any. */
  parent: XmlNode | null;
}

/**
 * Streams the record elements of an XML document: `records` maps an element name to the name of
 * the parent it must have (`{ item: 'channel', 'wp:comment': 'item' }`). Only records are kept in
 * memory, and a nested record is handed out on its own, not kept in its parent, so memory stays
 * bounded by the largest record, whatever the file's size. The document must be well-formed: a
 * mismatched tag or a truncated file throws an ImportInputError with its line. `root` is the
 * document element the format must have.
 */
export async function* readXmlRecords(
  chunks: AsyncIterable<string>,
  root: string,
  records: Readonly<Record<string, string>>,
): AsyncGenerator<XmlEvent> {
  const parser = new SaxesParser({ position: true });
  const names: string[] = [];
  const lines: number[] = [];
  let closing = { name: '', line: 0 };
  const nodes: (XmlNode | null)[] = [];
  let queue: XmlEvent[] = [];
  const recordAbove = () => nodes.findLast((n) => n !== null && n.name in records) ?? null;
  parser.on('opentag', (tag) => {
    const parentName = names.at(-1);
    if (names.length === 0 && tag.name !== root) throw parser.makeError(`expected <${root}> as the document element, found <${tag.name}>`);
    const isRecord = parentName !== undefined && records[tag.name] === parentName;
    const parent = nodes.at(-1) ?? null;
    const node =
      isRecord || parent
        ? { name: tag.name, attrs: tag.attributes as Record<string, string>, text: '', children: [], line: parser.line }
        : null;
    if (node && parent && !isRecord) parent.children.push(node);
    if (node && isRecord) queue.push({ type: 'start', node, parent: recordAbove() });
    names.push(tag.name);
    lines.push(parser.line);
    nodes.push(node);
  });
  const addText = (text: string) => {
    const node = nodes.at(-1);
    if (node) node.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const name = names.pop()!;
    closing = { name, line: lines.pop()! };
    const node = nodes.pop();
    if (node && names.length && records[name] === names.at(-1)) queue.push({ type: 'end', node, parent: recordAbove() });
  });
  const fail = (err: unknown): never => {
    const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(err instanceof Error ? err.message : String(err));
    // saxes says what it met; the element it was closing, or the one still open, says what it expected.
    const open = m?.[3]?.startsWith('unexpected close tag')
      ? `: it does not close <${closing.name}> from line ${closing.line}`
      : names.length
        ? `; <${names.at(-1)}> from line ${lines.at(-1)} is not closed`
        : '';
    throw m ? new ImportInputError(`${m[3]!.replace(/\.$/, '')} at column ${Number(m[2]) + 1}${open}`, Number(m[1])) : err;
  };
  for await (const chunk of chunks) {
    try {
      parser.write(chunk);
    } catch (err) {
      fail(err);
    }
    yield* queue;
    queue = [];
  }
  try {
    parser.close();
  } catch (err) {
    fail(err);
  }
  yield* queue;
}

/** The trimmed text of the first child called `name`, or ''. */
export function childText(node: XmlNode | null | undefined, name: string): string {
  return node?.children.find((c) => c.name === name)?.text.trim() ?? '';
}

/** The first child called `name`. */
export function child(node: XmlNode | null | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}
