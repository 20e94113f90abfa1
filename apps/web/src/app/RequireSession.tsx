// The gate in front of every signed-in screen: to sign-in without a session, to the password change while the password
// is a temporary one (the api refuses everything else then anyway: FORBIDDEN, PASSWORD_CHANGE_REQUIRED).
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSession } from '../features/auth/session';
import { ja } from '../shared/i18n/ja';
import { Button } from '../shared/ui/Button';

export function RequireSession({ children, allowTemporaryPassword = false }: { children: ReactNode; allowTemporaryPassword?: boolean }) {
  const { session } = useSession();
  if (session.status === 'loading') return <p role="status">{ja.app.loading}</p>;
  if (session.status === 'unreachable') {
    return (
      <div role="alert" className="flex flex-col items-start gap-4">
        <p>{ja.errors.network}</p>
        <Button onClick={session.retry}>{ja.app.retry}</Button>
      </div>
    );
  }
  if (session.status === 'signed-out') return <Navigate to="/sign-in" replace />;
  if (session.viewer.mustChangePassword && !allowTemporaryPassword) return <Navigate to="/change-password" replace />;
  return children;
}
