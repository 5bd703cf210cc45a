import {
  InMemoryWebStorage,
  UserManager,
  WebStorageStateStore,
  type UserManagerSettings,
} from 'oidc-client-ts';
import { CALLBACK_PATH, SILENT_PATH } from './paths';
import type { WebConfig } from './webConfig';

/**
 * The OpenID Connect settings: authorization code with PKCE (S256) against the public client.
 *
 * Tokens live in memory only (userStore): a script injected into the page cannot read them from
 * localStorage or sessionStorage, and closing the tab forgets them. A reload signs in again
 * silently through Keycloak's session cookie (signinSilent in a hidden iframe). The PKCE state
 * store keeps only the code verifier and state of a sign-in in progress, never a token, and must
 * survive the redirect to Keycloak and back: it uses sessionStorage.
 */
export function authSettings(
  config: WebConfig,
  origin: string,
  stateStorage?: Storage,
): UserManagerSettings {
  return {
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: origin + CALLBACK_PATH,
    silent_redirect_uri: origin + SILENT_PATH,
    post_logout_redirect_uri: origin + '/',
    response_type: 'code',
    scope: 'openid profile email',
    automaticSilentRenew: true,
    silentRequestTimeoutInSeconds: 8,
    loadUserInfo: false,
    monitorSession: false,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    ...(stateStorage ? { stateStore: new WebStorageStateStore({ store: stateStorage }) } : {}),
  };
}

export function createUserManager(config: WebConfig): UserManager {
  return new UserManager(authSettings(config, window.location.origin, window.sessionStorage));
}
