import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorPage, Loading } from '../ui/States';
import { useAuth, type Role } from './AuthProvider';

/** Signed-out visitors go to sign in (and come back); a signed-in user of another role sees the 403 page. */
export function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'anonymous' || !me) {
    return (
      <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  }
  if (roles && !roles.includes(me.role)) return <ErrorPage status={403} />;
  return <>{children}</>;
}
