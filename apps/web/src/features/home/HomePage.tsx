// The first screen after sign-in, for every role: who is signed in, today's date, and how many referrals they may see.
// Coordinators get their work list instead; partners are pointed to their inbox.
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useSessionEndedBy, useViewer } from '../auth/session';
import { formatJstDate } from '../../shared/dates/format';
import { ja } from '../../shared/i18n/ja';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { CoordinatorHome } from './CoordinatorHome';
import { HomeDocument } from './documents';

/** Coordinators get their work list (CoordinatorHome); the other roles the overview below until theirs are built. */
export function HomePage() {
  const viewer = useViewer();
  if (viewer.role === 'TIER2_COORDINATOR' || viewer.role === 'TIER1_COORDINATOR') return <CoordinatorHome />;
  return <Overview />;
}

function Overview() {
  usePageTitle(ja.home.title);
  const viewer = useViewer();
  const [{ data, error }] = useQuery({ query: HomeDocument });
  useSessionEndedBy(error);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-std-32B-150">{ja.home.title}</h1>
      <p>{ja.home.welcome(viewer.displayName)}</p>
      <p>{ja.home.today(formatJstDate(new Date()))}</p>
      <section aria-labelledby="home-count" className="max-w-md rounded-12 border border-solid-gray-200 p-6">
        <h2 id="home-count" className="text-std-18B-160">
          {ja.home.referralCount}
        </h2>
        <p className="mt-2 text-std-32B-150" aria-live="polite">
          {data ? ja.home.referralCountValue(data.referrals.totalCount) : error ? ja.errors.loadFailed : ja.app.loading}
        </p>
      </section>
      {viewer.role === 'PARTNER' ? (
        <p>
          {ja.home.partnerInbox}{' '}
          <Link to="/inbox" className="text-blue-1000 underline">
            {ja.home.openInbox}
          </Link>
        </p>
      ) : (
        <p className="text-solid-gray-700">{ja.home.otherRolesLater}</p>
      )}
    </div>
  );
}
