// The partner's inbox: offers waiting for our answer (soonest deadline first, accept / decline in place), what we hold
// with its progress deadline, and the rest (closed, or gone on to another organisation) folded away. One request, polled
// every 20 s while the tab is visible, so a new offer shows within 30 s. The resident's name only when the api gives it.
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useSessionEndedBy, useViewer } from '../auth/session';
import { MoveForm, moveLabel } from '../referrals/MoveForm';
import { formatJstDateTime } from '../../shared/dates/format';
import type { InboxRowFragment, ReferralAction } from '../../shared/graphql/generated/graphql';
import { ja } from '../../shared/i18n/ja';
import { Button } from '../../shared/ui/Button';
import { Notice } from '../../shared/ui/Notice';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { InboxDocument } from './documents';
import { usePolling } from '../../shared/ui/usePolling';

export const INBOX_POLL_MS = 20_000;

/** Soonest deadline first; those without one last, newest first among them. */
export function bySoonestDeadline(a: InboxRowFragment, b: InboxRowFragment): number {
  if (a.responseDueAt && b.responseDueAt) return a.responseDueAt.localeCompare(b.responseDueAt);
  if (a.responseDueAt) return -1;
  if (b.responseDueAt) return 1;
  return b.updatedAt.localeCompare(a.updatedAt);
}

export function InboxPage() {
  usePageTitle(ja.inbox.title);
  const viewer = useViewer();
  const organizationId = viewer.organization?.id ?? '';
  const [{ data, error, fetching }, reexecute] = useQuery({ query: InboxDocument, variables: { organizationId }, pause: !organizationId });
  useSessionEndedBy(error);
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  usePolling(refresh, INBOX_POLL_MS);
  const [notice, setNotice] = useState<string | null>(null);

  const offers = (data?.offers.edges ?? []).map((e) => e.node).sort(bySoonestDeadline);
  const held = (data?.held.edges ?? []).map((e) => e.node).sort(bySoonestDeadline);
  const shown = new Set([...offers, ...held].map((r) => r.id));
  const rest = (data?.recent.edges ?? []).map((e) => e.node).filter((r) => !shown.has(r.id));

  const onMoved = (action: ReferralAction) => {
    setNotice(action === 'DECLINE' ? ja.inbox.declined : action === 'ACCEPT' ? ja.inbox.accepted : ja.referral.moved(ja.moves.actions[action]));
    refresh();
  };

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-std-32B-150">{ja.inbox.title}</h1>
        <p>{ja.inbox.lead}</p>
      </div>
      {notice && <Notice>{notice}</Notice>}
      {!data && <p role="status">{error ? ja.errors.loadFailed : fetching ? ja.app.loading : ja.app.loading}</p>}
      {data && (
        <>
          <section aria-labelledby="inbox-offers" className="flex flex-col gap-4">
            <h2 id="inbox-offers" className="text-std-24B-150">
              {ja.inbox.offers}（{ja.inbox.count(offers.length)}）
            </h2>
            {offers.length ? (
              <ul className="flex flex-col gap-4">
                {offers.map((referral) => (
                  <InboxRow key={referral.id} referral={referral} deadlineLabel={ja.inbox.responseDue} answerInPlace onMoved={onMoved} />
                ))}
              </ul>
            ) : (
              <p>{ja.inbox.offersEmpty}</p>
            )}
          </section>
          <section aria-labelledby="inbox-held" className="flex flex-col gap-4">
            <h2 id="inbox-held" className="text-std-24B-150">
              {ja.inbox.inProgress}（{ja.inbox.count(held.length)}）
            </h2>
            {held.length ? (
              <ul className="flex flex-col gap-4">
                {held.map((referral) => (
                  <InboxRow key={referral.id} referral={referral} deadlineLabel={ja.inbox.progressDue} onMoved={onMoved} />
                ))}
              </ul>
            ) : (
              <p>{ja.inbox.inProgressEmpty}</p>
            )}
          </section>
          <details className="rounded-8 border border-solid-gray-420 p-4">
            <summary className="cursor-pointer text-std-20B-150">
              {ja.inbox.closed}（{ja.inbox.count(rest.length)}）
            </summary>
            {rest.length ? (
              <ul className="mt-4 flex flex-col gap-4">
                {rest.map((referral) => (
                  <InboxRow key={referral.id} referral={referral} deadlineLabel={ja.inbox.progressDue} onMoved={onMoved} />
                ))}
              </ul>
            ) : (
              <p className="mt-4">{ja.inbox.closedEmpty}</p>
            )}
          </details>
        </>
      )}
    </div>
  );
}

const IN_PLACE: readonly ReferralAction[] = ['ACCEPT', 'DECLINE'];

function InboxRow({
  referral,
  deadlineLabel,
  answerInPlace = false,
  onMoved,
}: {
  referral: InboxRowFragment;
  deadlineLabel: string;
  answerInPlace?: boolean;
  onMoved: (action: ReferralAction) => void;
}) {
  const [open, setOpen] = useState<ReferralAction | null>(null);
  const moves = answerInPlace ? referral.availableActions.filter((a) => IN_PLACE.includes(a.action)) : [];
  const headingId = `inbox-${referral.id}`;
  return (
    <li aria-labelledby={headingId} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-4">
      <h3 id={headingId} className="text-std-18B-160">
        <Link to={`/referrals/${referral.id}`} className="text-blue-1000 underline">
          {referral.summary}
        </Link>
      </h3>
      <p className="flex flex-wrap gap-x-4 text-dns-14N-130">
        <span className="rounded-4 border border-solid-gray-800 px-1">{ja.labels.status[referral.status]}</span>
        <span>{ja.labels.category[referral.category]}</span>
        <span>{referral.area.name}</span>
        {referral.subjectAgeBand && <span>{referral.subjectAgeBand}</span>}
        {referral.subject && (
          <span>
            {ja.referral.resident}: {referral.subject.displayName}
            {referral.subject.contact && `（${referral.subject.contact}）`}
          </span>
        )}
        {referral.outcome && (
          <span>
            {ja.referral.outcome}: {ja.labels.outcome[referral.outcome]}
          </span>
        )}
      </p>
      <p>
        {deadlineLabel}:{' '}
        {referral.responseDueAt ? (
          <>
            <time dateTime={referral.responseDueAt}>{formatJstDateTime(referral.responseDueAt)}</time>
            {referral.businessDaysLeft !== null &&
              referral.businessDaysLeft !== undefined &&
              `（${ja.referral.businessDaysLeft(referral.businessDaysLeft)}）`}
          </>
        ) : (
          ja.inbox.noDeadline
        )}
      </p>
      {moves.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {moves.map(({ action, proxy }) => (
            <Button
              key={action}
              variant={open === action ? 'primary' : 'secondary'}
              aria-expanded={open === action}
              onClick={() => setOpen(open === action ? null : action)}
            >
              {moveLabel(action, proxy)}
            </Button>
          ))}
        </div>
      )}
      {open && (
        <MoveForm
          key={open}
          referralId={referral.id}
          action={open}
          proxy={referral.availableActions.find((a) => a.action === open)?.proxy ?? false}
          idPrefix={`inbox-${referral.id}-${open.toLowerCase()}`}
          onDone={(action) => {
            setOpen(null);
            onMoved(action);
          }}
          onCancel={() => setOpen(null)}
        />
      )}
    </li>
  );
}
