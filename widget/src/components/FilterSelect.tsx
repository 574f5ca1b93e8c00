import type { ThreadFilter } from '../protocol/types.ts';
import { useT, useWidget } from '../state/widget-model.ts';

const FILTERS: readonly ThreadFilter[] = ['all', 'inline'];

/** All comments, or only those on passages of the article (inline comments). */
export function FilterSelect() {
  const t = useT();
  const { thread } = useWidget();
  return (
    <label class="tl-sort" part="filter">
      <span class="tl-sort-label">{t.t('filter.label')}</span>
      <select class="tl-select" value={thread.filter.value} onChange={(e) => void thread.setFilter(e.currentTarget.value as ThreadFilter)}>
        {FILTERS.map((f) => (
          <option key={f} value={f}>
            {t.t(`filter.${f}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
