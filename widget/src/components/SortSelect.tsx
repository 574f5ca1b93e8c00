import type { SortOrder } from '../protocol/types.ts';
import { useT, useView } from '../state/thread-view.ts';
import { ChoiceSelect } from './ChoiceSelect.tsx';

const ORDERS: readonly SortOrder[] = ['oldest', 'newest', 'replies', 'top'];

/** The reader's choice of order for top-level comments (remembered per site). */
export function SortSelect() {
  const t = useT();
  const { thread } = useView();
  return (
    <ChoiceSelect
      part="sort"
      label={t.t('thread.sort')}
      value={thread.sort.value}
      choices={ORDERS.map((o) => [o, t.t(`sort.${o}`)] as const)}
      onChange={(o) => void thread.setSort(o)}
    />
  );
}
