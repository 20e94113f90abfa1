// One regional issue (地域課題), read-only: where the follow-up mail (FOLLOW_UP_ACTION_DUE, to tier-1) links. Its title,
// status, areas, the follow-up actions of its proposals with their due days, and the linked needs: how many there are,
// and links to those the api lets the viewer open (the api decides; the subcommittee sees counts only). The issue's work
// (proposals, meetings, decisions) is done through the api; this page shows where it stands.
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useSessionEndedBy } from '../auth/session';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { formatJstDate } from '../../shared/dates/format';
import { apiErrorInfo } from '../../shared/graphql/errors';
import type { RegionalIssuePageQuery } from '../../shared/graphql/generated/graphql';
import { ja } from '../../shared/i18n/ja';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { RegionalIssuePageDocument } from './documents';

type Proposal = NonNullable<RegionalIssuePageQuery['regionalIssue']>['proposals'][number];

const t = ja.regionalIssue;

export function RegionalIssuePage() {
  const { id = '' } = useParams();
  usePageTitle(t.title);
  const [{ data, error, fetching }] = useQuery({ query: RegionalIssuePageDocument, variables: { id } });
  useSessionEndedBy(error);

  const info = apiErrorInfo(error);
  if (info?.code === 'NOT_FOUND' || info?.code === 'FORBIDDEN' || (data && !data.regionalIssue)) return <NotFoundPage />;
  const issue = data?.regionalIssue;
  if (!issue) return <p role="status">{fetching ? ja.app.loading : ja.errors.loadFailed}</p>;

  const hidden = issue.referralCount - issue.referrals.length;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <p className="text-std-16B-170">{t.title}</p>
        <h1 className="text-std-32B-150 break-words">{issue.title}</h1>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="text-std-16B-170">{t.status}</dt>
        <dd>
          <span className="rounded-4 border border-solid-gray-800 px-2 py-0.5 text-std-16B-170">{t.statusLabel[issue.status]}</span>
        </dd>
        <dt className="text-std-16B-170">{t.category}</dt>
        <dd>{ja.labels.category[issue.category]}</dd>
        <dt className="text-std-16B-170">{t.areas}</dt>
        <dd>{issue.areas.map((a) => a.name).join('、')}</dd>
      </dl>

      <section aria-labelledby="issue-proposals" className="flex flex-col gap-4">
        <h2 id="issue-proposals" className="text-std-24B-150">
          {t.proposalsTitle}
        </h2>
        {issue.proposals.length ? issue.proposals.map((p) => <ProposalActions key={p.id} proposal={p} />) : <p>{t.noProposals}</p>}
      </section>

      <section aria-labelledby="issue-needs" className="flex flex-col gap-4">
        <h2 id="issue-needs" className="text-std-24B-150">
          {t.needsTitle}（{t.needsCount(issue.referralCount)}）
        </h2>
        {issue.referralCount === 0 && <p>{t.noNeeds}</p>}
        {issue.referrals.length > 0 && (
          <ul className="flex flex-col gap-2">
            {issue.referrals.map((r) => (
              <li key={r.id}>
                <Link to={`/referrals/${encodeURIComponent(r.id)}`} className="text-blue-1000 underline">
                  {t.needLink(ja.labels.category[r.category], r.area.name)}
                </Link>{' '}
                <span>{ja.labels.status[r.status]}</span>
              </li>
            ))}
          </ul>
        )}
        {hidden > 0 && <p>{t.needsHidden(hidden)}</p>}
      </section>
    </div>
  );
}

function ProposalActions({ proposal }: { proposal: Proposal }) {
  const captionId = `actions-${proposal.id}`;
  return (
    <article aria-labelledby={captionId} className="flex flex-col gap-2">
      <h3 id={captionId} className="text-std-20B-150 break-words">
        {t.actionsCaption(proposal.title)}（{t.proposalStatusLabel[proposal.status]}）
      </h3>
      {proposal.followUpActions.length ? (
        <table className="w-full border-collapse text-dns-16N-130">
          <thead>
            <tr>
              {[t.action, t.owner, t.dueOn, t.state].map((heading) => (
                <th key={heading} scope="col" className="border-b border-solid-gray-420 p-2 text-left">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {proposal.followUpActions.map((a) => (
              <tr key={a.id}>
                <td className="border-b border-solid-gray-420 p-2 break-words">{a.description}</td>
                <td className="border-b border-solid-gray-420 p-2">{a.owner}</td>
                {/* dueOn is a JST calendar day: read it as that day's midnight in Japan. */}
                <td className="border-b border-solid-gray-420 p-2">{formatJstDate(`${a.dueOn}T00:00:00+09:00`)}</td>
                <td className="border-b border-solid-gray-420 p-2">{a.doneAt ? t.done : a.overdue ? t.overdue : t.open}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t.noActions}</p>
      )}
    </article>
  );
}
