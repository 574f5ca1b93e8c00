import type { ThreadFilter } from '../protocol/types.ts';
import { useT, useView } from '../state/thread-view.ts';
import { ChoiceSelect } from './ChoiceSelect.tsx';

const FILTERS: readonly ThreadFilter[] = ['all', 'inline'];

/** All comments, or only those on passages of the article (inline comments). */
export function FilterSelect() {
  const t = useT();
  const { thread } = useView();
  return (
    <ChoiceSelect
      part="filter"
      label={t.t('filter.label')}
      value={thread.filter.value}
      choices={FILTERS.map((f) => [f, t.t(`filter.${f}`)] as const)}
      onChange={(f) => void thread.setFilter(f)}
    />
  );
}
