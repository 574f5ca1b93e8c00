import { useT, useView } from '../state/thread-view.ts';

/** Props of IdentityFields. */
export interface IdentityFieldsProps {
  idPrefix: string;
  /** The field a refusal named (e.g. `author.email`), to mark it invalid. */
  invalidField: string | undefined;
}

/** Name, email (never shown) and website: shared by every form, remembered after a successful post. */
export function IdentityFields({ idPrefix, invalidField }: IdentityFieldsProps) {
  const { reader, backend } = useView().session;
  const requiresIdentity = backend.requiresIdentity === true;
  const t = useT();
  const fields = [
    {
      key: 'name',
      signal: reader.name,
      label: t.t('composer.name'),
      hint: t.t(requiresIdentity ? 'composer.nameRequiredHint' : 'composer.nameHint'),
      type: 'text',
      autocomplete: 'name',
      isRequired: requiresIdentity,
    },
    {
      key: 'email',
      signal: reader.email,
      label: t.t('composer.email'),
      hint: t.t(requiresIdentity ? 'composer.emailRequiredHint' : 'composer.emailHint'),
      type: 'email',
      autocomplete: 'email',
      isRequired: requiresIdentity,
    },
    {
      key: 'website',
      signal: reader.website,
      label: t.t('composer.website'),
      hint: t.t('composer.websiteHint'),
      type: 'url',
      autocomplete: 'url',
      isRequired: false,
    },
  ] as const;
  return (
    <div class="tl-identity">
      {fields.map((f) => (
        <div class="tl-field" key={f.key}>
          <label class="tl-label" for={`${idPrefix}-${f.key}`}>
            {f.label} <span class="tl-hint">({f.hint})</span>
          </label>
          <input
            id={`${idPrefix}-${f.key}`}
            class="tl-input"
            part="input"
            type={f.type}
            autocomplete={f.autocomplete}
            value={f.signal.value}
            aria-invalid={invalidField === `author.${f.key}`}
            // Said, not enforced by the browser: the site's own refusal explains what it needs.
            aria-required={f.isRequired}
            onInput={(e) => reader.setIdentity(f.key, e.currentTarget.value)}
          />
        </div>
      ))}
    </div>
  );
}
