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
  if (!canOfferMail(session)) return null;
  return (
    <label class="tl-notify">
      <input type="checkbox" checked={composer.wantsMail.value} onChange={(e) => composer.setWantsMail(e.currentTarget.checked)} />{' '}
      {t.t('composer.notify')} <span class="tl-hint">({t.t('composer.notifyHint')})</span>
    </label>
  );
}
