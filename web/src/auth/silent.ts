/**
 * The page Keycloak redirects the hidden frame of a silent sign-in to (`/auth/silent.html`). It only hands the
 * answer in its URL to the app in the parent window, which checks it against the sign-in it started and
 * exchanges the code: so this page loads oidc-client-ts alone, not the app (a reload signs in sooner).
 */
import { UserManager } from 'oidc-client-ts';

// The callback reads only the URL; these settings satisfy the constructor and are not used.
new UserManager({
  authority: window.location.origin,
  client_id: 'vibrationfit-web',
  redirect_uri: window.location.href,
})
  .signinSilentCallback()
  .catch((error: unknown) => console.error('Silent sign-in callback failed', error));
