/** Props of ChoiceSelect. */
export interface ChoiceSelectProps<T extends string> {
  /** The `::part()` name sites style it by. */
  part: string;
  label: string;
  value: T;
  /** The choices with their labels, in order. */
  choices: readonly (readonly [T, string])[];
  onChange(value: T): void;
}

/** A labelled drop-down over a few fixed choices (the thread's order, all / inline only). */
export function ChoiceSelect<T extends string>({ part, label, value, choices, onChange }: ChoiceSelectProps<T>) {
  return (
    <label class="tl-sort" part={part}>
      <span class="tl-sort-label">{label}</span>
      <select class="tl-select" value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
