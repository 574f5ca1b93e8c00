import { useT, useView } from '../state/thread-view.ts';

/**
 * Who is writing, for a signed-in reader ("Signed in as Ann Lee · Sign out"), in place of the
 * name and email fields; for a guest, the site's "Sign in" link where it has one.
 */
export function SignInBar() {
  const { session } = useView();
  const t = useT();
  const reader = session.identity.value;
  const { loginUrl, logoutUrl } = session.signInLinks;
  if (!reader) {
    return loginUrl ? (
      <p class="tl-signin">
        <a href={loginUrl} part="sign-in">
          {t.t('signIn.signIn')}
        </a>
      </p>
    ) : null;
  }
  return (
    <p class="tl-signin" part="signed-in">
      <span>{t.t('signIn.signedInAs', { name: reader.name })}</span>
      {logoutUrl && (
        <>
          {' · '}
          <a href={logoutUrl} part="sign-out">
            {t.t('signIn.signOut')}
          </a>
        </>
      )}
    </p>
  );
}
