import type { components } from '../api/schema';

type Session = components['schemas']['SessionResponseDto'];

/*
 * The access token lives in memory only. The refresh token is kept in sessionStorage (this tab, until it closes)
 * so a reload does not sign the user out; every refresh rotates it as the API does, and a token the API refuses
 * (expired, or already used: a sign of theft) signs the user out.
 */
const REFRESH_KEY = 'buysocial.refreshToken';
let accessToken: string | null = null;
let inFlight: Promise<boolean> | null = null;
const listeners = new Set<(signedIn: boolean) => void>();

export function onSessionChange(fn: (signedIn: boolean) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function hasRefreshToken(): boolean {
  return sessionStorage.getItem(REFRESH_KEY) !== null;
}

export function startSession(s: Pick<Session, 'accessToken' | 'refreshToken'>): void {
  accessToken = s.accessToken;
  sessionStorage.setItem(REFRESH_KEY, s.refreshToken);
}

export function endSession(): void {
  const was = accessToken !== null || hasRefreshToken();
  accessToken = null;
  sessionStorage.removeItem(REFRESH_KEY);
  if (was) listeners.forEach((fn) => fn(false));
}

/** One refresh at a time: two parallel refreshes with the same token would look like reuse to the API. */
export function refreshSession(): Promise<boolean> {
  if (inFlight) return inFlight;
  const token = sessionStorage.getItem(REFRESH_KEY);
  if (!token) return Promise.resolve(false);
  inFlight = (async () => {
    try {
      const res = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken: token }),
      });
      if (!res.ok) {
        if (res.status === 401 || res.status === 400) endSession();
        return false;
      }
      startSession((await res.json()) as Session);
      return true;
    } catch {
      return false;
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

const withToken = (req: Request): Request => {
  if (accessToken) req.headers.set('Authorization', `Bearer ${accessToken}`);
  return req;
};

/** fetch for the typed client: adds the access token; on a 401 refreshes once and repeats the request. */
export async function authFetch(request: Request): Promise<Response> {
  const isAuthRoute = new URL(request.url).pathname.startsWith('/api/v1/auth/');
  const retry = isAuthRoute ? null : request.clone();
  const res = await fetch(withToken(request));
  if (res.status !== 401 || !retry || !hasRefreshToken()) return res;
  if (!(await refreshSession())) return res;
  return fetch(withToken(retry));
}
