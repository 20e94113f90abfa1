// Who is signed in, for the whole console: the api's `me`, asked once when the console opens and again after sign-in,
// password change and sign-out. The session itself is the httpOnly cookie; here is only what the api says about it.
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useClient, type CombinedError } from 'urql';
import type { ViewerQuery } from '../../shared/graphql/generated/graphql';
import { apiErrorInfo } from '../../shared/graphql/errors';
import { ViewerDocument } from './documents';

/** Why the sign-in page is shown, when the console knows (ja.signIn has the words). */
export type SignInNotice = 'signedOut' | 'passwordChanged' | 'sessionEnded';

export type Viewer = ViewerQuery['me'];

export type SessionState =
  | { status: 'loading' }
  /** With why, when the console itself ended the session (sign-out, a password change): the sign-in page says so. */
  | { status: 'signed-out'; notice?: SignInNotice }
  | { status: 'unreachable'; retry: () => void }
  | { status: 'signed-in'; viewer: Viewer };

interface SessionContextValue {
  session: SessionState;
  /** Asks the api again who is signed in (after sign-in). */
  refresh: () => Promise<void>;
  /** Signed out, and everything the client cached forgotten: after sign-out, nothing of the last user stays in memory. */
  reset: (notice?: SignInNotice) => void;
}

/** Exported for component tests, which hand pages a session without an api. */
export const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children, onReset }: { children: ReactNode; onReset: () => void }) {
  const client = useClient();
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  // Awaitable, so that sign-in can wait for the answer before it leaves the page (no bounce through a stale state).
  const refresh = useCallback(async () => {
    const result = await client.query(ViewerDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    const info = apiErrorInfo(result.error);
    if (result.data?.me) setSession({ status: 'signed-in', viewer: result.data.me });
    // A network failure: say so rather than pretend the user signed out.
    else if (info?.network) setSession({ status: 'unreachable', retry: () => void refresh() });
    // Keeps the notice of a sign-out this console made.
    else setSession((previous) => (previous.status === 'signed-out' ? previous : { status: 'signed-out' }));
  }, [client]);
  // On opening, and with every new client (after sign-out or a password change: reset below).
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // Signed out at once (not when the new client's `me` comes back): the sign-in page must not see the old viewer.
  const reset = useCallback(
    (notice?: SignInNotice) => {
      setSession({ status: 'signed-out', notice });
      onReset();
    },
    [onReset],
  );
  const value = useMemo(() => ({ session, refresh, reset }), [session, refresh, reset]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in viewer; only for pages behind RequireSession. */
export function useViewer(): Viewer {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useViewer without a signed-in viewer');
  return session.viewer;
}

/**
 * A page's query refused with UNAUTHENTICATED (the session expired, or was ended elsewhere): signed out here too, and
 * the sign-in page says why. Pages pass their query's error.
 */
export function useSessionEndedBy(error: CombinedError | undefined): void {
  const { reset } = useSession();
  const ended = apiErrorInfo(error)?.code === 'UNAUTHENTICATED';
  useEffect(() => {
    if (ended) reset('sessionEnded');
  }, [ended, reset]);
}
