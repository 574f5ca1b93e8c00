import { useId } from 'preact/hooks';
import type { ComposerModel } from '../state/composer-model.ts';
import { canOfferMail } from '../state/notify-choice.ts';
import { useT, useView } from '../state/thread-view.ts';

/** Props of NotifyOptIn. */
export interface NotifyOptInProps {
  composer: ComposerModel;
}

/**
 * "Email me when someone replies": shown once the reader has typed an email, on servers that send
 * mail (`features.notify`). The first time, the server mails a link to confirm the address.
 */
export function NotifyOptIn({ composer }: NotifyOptInProps) {
  const { session } = useView();
  const t = useT();
  const id = useId();
  if (!canOfferMail(session)) return null;
  return (
    <div class="tl-notify">
      <input
        id={id}
        type="checkbox"
        checked={composer.wantsMail.value}
        onChange={(e) => composer.setWantsMail(e.currentTarget.checked)}
        aria-describedby={`${id}-hint`}
      />
      <label for={id}>{t.t('composer.notify')}</label>
      <span class="tl-hint" id={`${id}-hint`}>
        {t.t('composer.notifyHint')}
      </span>
    </div>
  );
}
