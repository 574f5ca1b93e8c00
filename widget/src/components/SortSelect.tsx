import type { SortOrder } from '../protocol/types.ts';
import { useT, useWidget } from '../state/widget-model.ts';

const ORDERS: readonly SortOrder[] = ['oldest', 'newest', 'replies', 'top'];

/** The reader's choice of order for top-level comments (remembered per site). */
export function SortSelect() {
  const t = useT();
  const { thread } = useWidget();
  return (
    <label class="tl-sort" part="sort">
      <span class="tl-sort-label">{t.t('thread.sort')}</span>
      <select class="tl-select" value={thread.sort.value} onChange={(e) => void thread.setSort(e.currentTarget.value as SortOrder)}>
        {ORDERS.map((o) => (
          <option key={o} value={o}>
            {t.t(`sort.${o}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
