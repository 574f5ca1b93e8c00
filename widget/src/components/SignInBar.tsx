import { useT, useView } from '../state/thread-view.ts';

/**
 * Who is writing, for a signed-in reader ("Signed in as Ann Lee · Sign out"), in place of the
 * name and email fields; for a guest, "Sign in": the site's sign-in page where it has one, else
 * the server's OpenID provider where the server offers it.
 */
export function SignInBar() {
  const { session } = useView();
  const t = useT();
  const reader = session.identity.value;
  const { loginUrl, logoutUrl } = session.signInLinks;
  const { provider } = session;
  if (!reader) {
    if (loginUrl) {
      return (
        <p class="tl-signin">
          <a href={loginUrl} part="sign-in">
            {t.t('signIn.signIn')}
          </a>
        </p>
      );
    }
    return provider && session.features.value?.oidc ? (
      <p class="tl-signin">
        <button type="button" class="tl-signin-button" part="sign-in" onClick={() => provider.open()}>
          {t.t('signIn.signIn')}
        </button>
      </p>
    ) : null;
  }
  return (
    <p class="tl-signin" part="signed-in">
      <span>{t.t('signIn.signedInAs', { name: reader.name })}</span>
      {(logoutUrl || provider) && ' · '}
      {logoutUrl ? (
        <a href={logoutUrl} part="sign-out">
          {t.t('signIn.signOut')}
        </a>
      ) : (
        provider && (
          <button type="button" class="tl-signin-button" part="sign-out" onClick={() => provider.signOut()}>
            {t.t('signIn.signOut')}
          </button>
        )
      )}
    </p>
  );
}
