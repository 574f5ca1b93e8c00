/** Props of Confirm. */
export interface ConfirmProps {
  question: string;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}

/** An inline question with a destructive answer and a safe one (no modal: the page stays usable). */
export function Confirm({ question, yes, no, onYes, onNo }: ConfirmProps) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset's legend cannot sit inline in this flex row; role=group names it the same way
    <div class="tl-confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button type="button" class="tl-button tl-button-danger" part="button" onClick={onYes}>
        {yes}
      </button>
      <button type="button" class="tl-button" part="button" onClick={onNo}>
        {no}
      </button>
    </div>
  );
}
