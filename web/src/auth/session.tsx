/** Who is signed in: GET /api/session on start, POST to sign in, DELETE to sign out. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized } from '../api/client';
import { forgetLifecycles } from '../api/lifecycles';
import { queryClient } from '../api/query-client';
import type { User } from '../api/types';

type Status = 'loading' | 'signed-out' | 'signed-in' | 'error';

interface SessionValue {
  status: Status;
  user: User | null;
  /** why the last "who am I" failed (network etc.), for the retry screen */
  error: string | null;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  /** after a password change or identity confirmation the server answers the new user */
  setUser: (user: User) => void;
  retry: () => void;
  /** set when a call answered 401 while signed in */
  expired: boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [user, setUserState] = useState<User | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api<{ user: User }>('/api/session', { quiet401: true })
      .then((r) => {
        if (!live) return;
        setUserState(r.user);
        setStatus('signed-in');
      })
      .catch((e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) {
          setStatus('signed-out');
        } else {
          setError(e instanceof Error ? e.message : '无法连接服务器');
          setStatus('error');
        }
      });
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setUserState(null);
        setExpired(true);
        setStatus('signed-out');
      }),
    [],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    const r = await api<{ user: User }>('/api/session', { method: 'POST', body: { username, password }, quiet401: true });
    // nothing of the previous account's answers is shown to this one
    forgetLifecycles();
    queryClient.removeQueries();
    setUserState(r.user);
    setExpired(false);
    setStatus('signed-in');
    return r.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/api/session', { method: 'DELETE', quiet401: true });
    } catch {
      // signed out locally anyway
    }
    forgetLifecycles();
    queryClient.removeQueries();
    try {
      sessionStorage.clear();
    } catch {
      // storage unavailable
    }
    setUserState(null);
    setExpired(false);
    setStatus('signed-out');
  }, []);

  const setUser = useCallback((u: User) => {
    // a new password or a confirmed identity may open modules: ask again
    forgetLifecycles();
    void queryClient.invalidateQueries();
    setUserState(u);
  }, []);

  const retry = useCallback(() => {
    setStatus('loading');
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ status, user, error, signIn, signOut, setUser, retry, expired }),
    [status, user, error, signIn, signOut, setUser, retry, expired],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user; only for screens rendered behind the sign-in gate. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a user');
  return user;
}
