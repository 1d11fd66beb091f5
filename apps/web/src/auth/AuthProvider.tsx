import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, type Schemas } from '../api/client';
import { endSession, hasRefreshToken, onSessionChange, refreshSession, startSession } from './tokens';

type Me = Schemas['MeResponseDto'];
export type Role = Me['role'];

interface AuthState {
  status: 'loading' | 'anonymous' | 'signed_in';
  me: Me | null;
  /** True after the API refused a refresh token: the session ended without the user asking. */
  expired: boolean;
  signIn: (email: string, password: string) => Promise<Me>;
  adopt: (session: Schemas['SessionResponseDto']) => Promise<Me>;
  signOut: () => void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<AuthState['status']>(hasRefreshToken() ? 'loading' : 'anonymous');
  const [expired, setExpired] = useState(false);

  const loadMe = useCallback(async (): Promise<Me> => {
    const m = await call(api.GET('/me'));
    setMe(m);
    setStatus('signed_in');
    setExpired(false);
    return m;
  }, []);

  useEffect(() => {
    // A reload keeps the refresh token (this tab only): trade it for a fresh access token.
    if (!hasRefreshToken()) return;
    let live = true;
    void refreshSession().then((ok) => {
      if (!live) return;
      if (ok) loadMe().catch(() => setStatus('anonymous'));
      else setStatus('anonymous');
    });
    return () => {
      live = false;
    };
  }, [loadMe]);

  useEffect(
    () =>
      onSessionChange((signedIn) => {
        if (signedIn) return;
        setMe(null);
        setStatus('anonymous');
        setExpired(true);
        queryClient.clear();
      }),
    [queryClient],
  );

  const adopt = useCallback(
    async (session: Schemas['SessionResponseDto']) => {
      startSession(session);
      // Queries only: clear() would also drop the sign-in mutation whose onSuccess navigates on.
      queryClient.removeQueries();
      return loadMe();
    },
    [loadMe, queryClient],
  );

  const signIn = useCallback(
    async (email: string, password: string) =>
      adopt(await call(api.POST('/auth/login', { body: { email, password } }))),
    [adopt],
  );

  const signOut = useCallback(() => {
    endSession();
    setExpired(false);
  }, []);

  const value = useMemo(
    () => ({ status, me, expired, signIn, adopt, signOut }),
    [status, me, expired, signIn, adopt, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
