import { useMemo, type ReactNode } from 'react';
import { useAuth } from '../auth/context';
import { createApi } from './client';
import { ApiContext } from './useApi';

/**
 * The one API client of the signed-in app. The auth functions it uses are stable (they read the
 * newest token at each call), so the client is not rebuilt, and screens do not reload, on renewal.
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { accessToken, renew, signIn } = useAuth();
  const api = useMemo(
    () => createApi({ accessToken, renew, signInAgain: () => void signIn() }),
    [accessToken, renew, signIn],
  );
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}
