import { useT, useView } from '../state/thread-view.ts';

/** Where the form would be, on a site where only signed-in readers comment: "Sign in to comment", linked to the site's sign-in page. */
export function SignInRequired() {
  const { session } = useView();
  const t = useT();
  const { loginUrl } = session.signInLinks;
  return (
    <p class="tl-signin tl-signin-required" part="sign-in-required">
      {loginUrl ? (
        <a href={loginUrl} class="tl-button tl-button-primary" part="button button-primary sign-in">
          {t.t('signIn.required')}
        </a>
      ) : (
        t.t('signIn.required')
      )}
    </p>
  );
}
