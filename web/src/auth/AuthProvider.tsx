import type { User, UserManager } from 'oidc-client-ts';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AuthContext, type Auth, type AuthStatus, type Member } from './context';
import { CALLBACK_PATH, safeReturnTo } from './paths';

interface StartResult {
  user: User | null;
  /** Where to put the address bar after a sign-in callback. */
  returnTo?: string;
  notice?: string;
}

/** One start per UserManager, even when React runs effects twice (StrictMode). */
const starts = new WeakMap<UserManager, Promise<StartResult>>();

async function startOnce(manager: UserManager): Promise<StartResult> {
  if (window.location.pathname === CALLBACK_PATH) {
    try {
      const user = await manager.signinRedirectCallback();
      return { user, returnTo: safeReturnTo(user.state) };
    } catch {
      return {
        user: null,
        returnTo: '/',
        notice: 'Signing in did not complete. Please try again.',
      };
    }
  }
  // Keycloak's session cookie signs a returning member in without a form (in a hidden iframe).
  try {
    return { user: await manager.signinSilent() };
  } catch {
    return { user: null };
  }
}

function start(manager: UserManager): Promise<StartResult> {
  let started = starts.get(manager);
  if (!started) {
    started = startOnce(manager);
    starts.set(manager, started);
  }
  return started;
}

function memberOf(user: User | null): Member | null {
  if (!user) return null;
  const p = user.profile;
  const fullName = [p.given_name, p.family_name].filter(Boolean).join(' ');
  return {
    id: p.sub,
    name: p.name || fullName || p.preferred_username || p.email || 'Member',
    ...(p.email ? { email: p.email } : {}),
  };
}

function currentPath(): string {
  const { pathname, search, hash } = window.location;
  return pathname + search + hash;
}

export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [notice, setNotice] = useState<string | null>(null);
  const userRef = useRef<User | null>(null);
  const renewing = useRef<Promise<string | undefined> | null>(null);

  const applyUser = useCallback((next: User | null) => {
    userRef.current = next;
    setUser(next);
    setStatus(next ? 'signed-in' : 'signed-out');
  }, []);

  const renew = useCallback((): Promise<string | undefined> => {
    if (!renewing.current) {
      renewing.current = manager
        .signinSilent()
        .then(
          (renewed) => renewed?.access_token,
          () => undefined,
        )
        .finally(() => {
          renewing.current = null;
        });
    }
    return renewing.current;
  }, [manager]);

  useEffect(() => {
    let active = true;
    void start(manager).then((result) => {
      if (!active) return;
      if (result.returnTo !== undefined) window.history.replaceState(null, '', result.returnTo);
      setNotice(result.notice ?? null);
      applyUser(result.user);
    });

    const onLoaded = (loaded: User) => {
      setNotice(null);
      applyUser(loaded);
    };
    const onUnloaded = () => applyUser(null);
    const onExpired = () => {
      void renew().then((token) => {
        if (!token && active) {
          setNotice('Your session ended. Please sign in again to carry on.');
          applyUser(null);
        }
      });
    };
    manager.events.addUserLoaded(onLoaded);
    manager.events.addUserUnloaded(onUnloaded);
    manager.events.addAccessTokenExpired(onExpired);
    return () => {
      active = false;
      manager.events.removeUserLoaded(onLoaded);
      manager.events.removeUserUnloaded(onUnloaded);
      manager.events.removeAccessTokenExpired(onExpired);
    };
  }, [manager, applyUser, renew]);

  const signIn = useCallback(
    async (returnTo?: string) => {
      await manager.signinRedirect({ state: { returnTo: returnTo ?? currentPath() } });
    },
    [manager],
  );

  const signOut = useCallback(async () => {
    try {
      await manager.signoutRedirect();
    } catch {
      // Keycloak unreachable: at least forget the tokens here.
      await manager.removeUser();
      applyUser(null);
    }
  }, [manager, applyUser]);

  const accessToken = useCallback(() => userRef.current?.access_token, []);

  const auth = useMemo<Auth>(
    () => ({
      status,
      member: memberOf(user),
      notice,
      accessToken,
      renew,
      signIn,
      signOut,
    }),
    [status, user, notice, accessToken, renew, signIn, signOut],
  );

  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
