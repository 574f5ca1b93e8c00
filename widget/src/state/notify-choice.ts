import type { PostCommentRequest } from '../protocol/types.ts';
import type { Session } from './session.ts';

/** True when the form may offer reply mail: the server sends it (`features.notify`) and the reader typed an email or signed in with one. */
export const canOfferMail = (session: Session): boolean =>
  session.features.value?.notify === true && (!!session.identity.value?.email || session.reader.email.value.trim() !== '');

/** The post's `notify` and `lang` fields: replies to this comment, in the widget's language; none unless offered and ticked. */
export function notifyFields(session: Session, wantsMail: boolean): Pick<PostCommentRequest, 'notify' | 'lang'> {
  return wantsMail && canOfferMail(session) ? { notify: 'replies', lang: session.t.value.lang } : {};
}
