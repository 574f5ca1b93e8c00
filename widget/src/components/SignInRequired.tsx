import { useT, useView } from '../state/thread-view.ts';

/**
 * Where the form would be, on a site where only signed-in readers comment: "Sign in to comment",
 * linked to the site's sign-in page, or opening the server's OpenID sign-in where it offers one.
 */
export function SignInRequired() {
  const { session } = useView();
  const t = useT();
  const { loginUrl } = session.signInLinks;
  const { provider } = session;
  const label = t.t('signIn.required');
  return (
    <p class="tl-signin tl-signin-required" part="sign-in-required">
      {loginUrl ? (
        <a href={loginUrl} class="tl-button tl-button-primary" part="button button-primary sign-in">
          {label}
        </a>
      ) : provider && session.features.value?.oidc ? (
        <button type="button" class="tl-button tl-button-primary" part="button button-primary sign-in" onClick={() => provider.open()}>
          {label}
        </button>
      ) : (
        label
      )}
    </p>
  );
}
