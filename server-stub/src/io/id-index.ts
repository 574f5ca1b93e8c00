/** What an import knows about an id: stored by this import, stored before it, or waiting for its parent. */
export type IdState = 'in' | 'there' | 'waiting';

const NUMBERED = /^(wp|dq)-(\d{1,15})$/;

/**
 * The state of every comment id an import has met, kept small: WordPress and Disqus ids
 * (`wp-123`, `dq-456`) are kept as numbers, which take a third of the memory of strings, so a
 * million comments cost tens of megabytes, not a hundred.
 */
export class IdIndex {
  private readonly numbered = new Map<string, Map<number, IdState>>();
  private readonly other = new Map<string, IdState>();

  get(id: string): IdState | undefined {
    const m = NUMBERED.exec(id);
    return m ? this.numbered.get(m[1]!)?.get(Number(m[2])) : this.other.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, state: IdState): void {
    const m = NUMBERED.exec(id);
    if (!m) {
      this.other.set(id, state);
      return;
    }
    const ids = this.numbered.get(m[1]!) ?? new Map<number, IdState>();
    if (!ids.size) this.numbered.set(m[1]!, ids);
    ids.set(Number(m[2]), state);
  }
}
