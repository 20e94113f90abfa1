// The frame of every screen: a skip link, the header (the console's name; when signed in, organisation, user, role and
// sign-out), the menu for the viewer's role, and the main region each page fills. Landmarks: banner, navigation, main.
import { useState, type ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { SignOutDocument } from '../features/auth/documents';
import { useSession, type Viewer } from '../features/auth/session';
import { discardAllDrafts } from '../features/referrals/new/draft';
import { ja } from '../shared/i18n/ja';
import { Button } from '../shared/ui/Button';
import { navItemsFor } from './navigation';

export const MAIN_ID = 'main';

export function Shell({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const viewer = session.status === 'signed-in' ? session.viewer : null;
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href={`#${MAIN_ID}`}
        className="sr-only z-10 bg-yellow-300 print:hidden p-4 text-black underline focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:rounded-8"
      >
        {ja.app.skipToContent}
      </a>
      <header className="border-b border-solid-gray-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <p className="flex flex-col">
            <span className="text-std-24B-150 text-blue-1000">{ja.app.name}</span>
            <span className="text-dns-14N-130 text-solid-gray-700">{ja.app.tagline}</span>
          </p>
          {viewer && <ViewerBox viewer={viewer} />}
        </div>
        {viewer && !viewer.mustChangePassword && <Navigation viewer={viewer} />}
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
    </div>
  );
}

function ViewerBox({ viewer }: { viewer: Viewer }) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <dl className="flex flex-col text-dns-16N-130" aria-label={ja.app.signedInAs}>
        <div className="flex gap-2">
          <dt className="sr-only">{ja.app.signedInAs}</dt>
          <dd className="font-bold">{viewer.displayName}</dd>
        </div>
        <div className="flex flex-wrap gap-x-2 text-solid-gray-700">
          <dt className="sr-only">{ja.app.organization}</dt>
          <dd>{viewer.organization?.name ?? ja.app.organizationNone}</dd>
          <dt className="sr-only">{ja.app.role}</dt>
          <dd>{ja.roles[viewer.role]}</dd>
        </div>
      </dl>
      <SignOutButton />
    </div>
  );
}

function Navigation({ viewer }: { viewer: Viewer }) {
  return (
    <nav aria-label={ja.app.primaryNavigation} className="bg-blue-1000">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
        {navItemsFor(viewer).map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end
              className={({ isActive }) =>
                `inline-flex min-h-11 items-center px-4 text-oln-16B-100 text-white underline-offset-4 hover:underline ${isActive ? 'underline decoration-4' : ''}`
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Ends the session on the server (every token of the user stops working, the cookie is cleared), then forgets it here. */
function SignOutButton() {
  const { reset } = useSession();
  const navigate = useNavigate();
  const [, signOut] = useMutation(SignOutDocument);
  const [pending, setPending] = useState(false);
  const onClick = async () => {
    setPending(true);
    // Whatever the answer (an expired session is signed out already), nothing of this user stays in the console.
    await signOut({});
    // The new-referral drafts on this device hold residents' data: they go with the session.
    discardAllDrafts();
    reset('signedOut');
    await navigate('/sign-in', { replace: true });
  };
  return (
    <Button variant="secondary" onClick={() => void onClick()} disabled={pending}>
      {pending ? ja.signOut.pending : ja.signOut.action}
    </Button>
  );
}
