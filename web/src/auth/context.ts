import { createContext, useContext } from 'react';

export type AuthStatus = 'loading' | 'signed-in' | 'signed-out';

export interface Member {
  id: string;
  name: string;
  email?: string;
}

export interface Auth {
  status: AuthStatus;
  member: Member | null;
  /** Why the member is signed out, when it was not their choice (sign-in failed, session ended). */
  notice: string | null;
  /** The current access token, read at call time (it changes on every renewal). A stable function. */
  accessToken(): string | undefined;
  /** Renews the tokens silently once (concurrent callers share one renewal); undefined on failure. */
  renew(): Promise<string | undefined>;
  /** Sends the member to the sign-in page, coming back to returnTo (default: where they are). */
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
