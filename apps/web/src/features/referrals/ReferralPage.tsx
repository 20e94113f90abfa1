// One referral, for every role: status, holder, the running deadline with the business days left (the api counts
// them on the city's calendar), the category's details, the resident when the api returns them, the history, and the
// moves the api offers (availableActions), each as a small form. One request shows the page; after a move it is
// fetched again. A referral the viewer may not see is 「見つかりません」, exactly like an unknown address.
import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { useSessionEndedBy } from '../auth/session';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { formatJstDate, formatJstDateTime } from '../../shared/dates/format';
import type { ReferralAction } from '../../shared/graphql/generated/graphql';
import { apiErrorInfo } from '../../shared/graphql/errors';
import { ja } from '../../shared/i18n/ja';
import { Button } from '../../shared/ui/Button';
import { Notice } from '../../shared/ui/Notice';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { DetailsList } from './Details';
import { ReferralPageDocument } from './documents';
import { MoveForm, moveLabel } from './MoveForm';
import { Timeline } from './Timeline';

export function ReferralPage() {
  const { id = '' } = useParams();
  usePageTitle(ja.referral.title);
  const [{ data, error, fetching }, refetch] = useQuery({ query: ReferralPageDocument, variables: { id } });
  useSessionEndedBy(error);
  const [open, setOpen] = useState<ReferralAction | null>(null);
  const [done, setDone] = useState<ReferralAction | null>(null);

  const info = apiErrorInfo(error);
  if (info?.code === 'NOT_FOUND' || (data && !data.referral)) return <NotFoundPage />;
  const referral = data?.referral;
  if (!referral) return <p role="status">{fetching ? ja.app.loading : ja.errors.loadFailed}</p>;

  const onDone = (action: ReferralAction) => {
    setOpen(null);
    setDone(action);
    refetch({ requestPolicy: 'network-only' });
  };
  const subject = referral.subject;
  const consent = referral.consent;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-std-32B-150">{ja.referral.title}</h1>
        <p className="text-std-20B-150">{referral.summary}</p>
      </div>
      {done && <Notice>{ja.referral.moved(ja.moves.actions[done])}</Notice>}

      <section aria-labelledby="referral-overview">
        <h2 id="referral-overview" className="sr-only">
          {ja.referral.status}
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          <dt className="text-std-16B-170">{ja.referral.status}</dt>
          <dd>
            <span className="rounded-4 border border-solid-gray-800 px-2 py-0.5 text-std-16B-170">{ja.labels.status[referral.status]}</span>
            {referral.resumeOn && <span className="ml-2">{ja.referral.onHoldUntil(formatJstDate(`${referral.resumeOn}T00:00:00+09:00`))}</span>}
          </dd>
          <dt className="text-std-16B-170">{ja.referral.category}</dt>
          <dd>{ja.labels.category[referral.category]}</dd>
          <dt className="text-std-16B-170">{ja.referral.area}</dt>
          <dd>{referral.area.name}</dd>
          <dt className="text-std-16B-170">{ja.referral.holder}</dt>
          <dd>{referral.currentOrganization?.name ?? ja.referral.holderNone}</dd>
          <dt className="text-std-16B-170">{ja.referral.deadline}</dt>
          <dd>
            {referral.responseDueAt ? (
              <>
                <time dateTime={referral.responseDueAt}>{formatJstDateTime(referral.responseDueAt)}</time>
                {referral.businessDaysLeft !== null && referral.businessDaysLeft !== undefined && (
                  <span className={`ml-2 text-std-16B-170 ${referral.businessDaysLeft <= 0 ? 'text-error-2' : ''}`}>
                    （{ja.referral.businessDaysLeft(referral.businessDaysLeft)}）
                  </span>
                )}
              </>
            ) : (
              ja.referral.deadlineNone
            )}
          </dd>
          {referral.outcome && (
            <>
              <dt className="text-std-16B-170">{ja.referral.outcome}</dt>
              <dd>{ja.labels.outcome[referral.outcome]}</dd>
            </>
          )}
          <dt className="text-std-16B-170">{ja.referral.submittedBy}</dt>
          <dd>{referral.submittedBy.displayName}</dd>
          <dt className="text-std-16B-170">{ja.referral.submittedAt}</dt>
          <dd>
            <time dateTime={referral.createdAt}>{formatJstDateTime(referral.createdAt)}</time>
          </dd>
        </dl>
      </section>

      <section aria-labelledby="referral-actions" className="flex flex-col gap-4">
        <h2 id="referral-actions" className="text-std-24B-150">
          {ja.referral.actions}
        </h2>
        {referral.availableActions.length === 0 ? (
          <p>{ja.referral.actionsNone}</p>
        ) : (
          <div className="flex flex-wrap gap-2">
            {referral.availableActions.map(({ action, proxy }) => (
              <Button
                key={action}
                variant={open === action ? 'primary' : 'secondary'}
                aria-expanded={open === action}
                aria-controls={open === action ? 'referral-move' : undefined}
                onClick={() => {
                  setDone(null);
                  setOpen(open === action ? null : action);
                }}
              >
                {moveLabel(action, proxy)}
              </Button>
            ))}
          </div>
        )}
        {open && (
          <div id="referral-move">
            <MoveForm
              key={open}
              referralId={referral.id}
              action={open}
              proxy={referral.availableActions.find((a) => a.action === open)?.proxy ?? false}
              areaCode={referral.area.code}
              category={referral.category}
              idPrefix="move"
              onDone={onDone}
              onCancel={() => setOpen(null)}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="referral-details" className="flex flex-col gap-4">
        <h2 id="referral-details" className="text-std-24B-150">
          {ja.referral.details}
        </h2>
        <DetailsList details={referral.details} />
      </section>

      <section aria-labelledby="referral-resident" className="flex flex-col gap-4">
        <h2 id="referral-resident" className="text-std-24B-150">
          {ja.referral.resident}
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          <dt className="text-std-16B-170">{ja.referral.subjectKind}</dt>
          <dd>{ja.labels.subjectKind[referral.subjectKind]}</dd>
          {subject ? (
            <>
              <dt className="text-std-16B-170">{ja.referral.name}</dt>
              <dd>{subject.displayName}</dd>
              {subject.nameKana && (
                <>
                  <dt className="text-std-16B-170">{ja.referral.nameKana}</dt>
                  <dd>{subject.nameKana}</dd>
                </>
              )}
              <dt className="text-std-16B-170">{ja.referral.contact}</dt>
              <dd>{subject.contact ?? ja.referral.unknown}</dd>
            </>
          ) : null}
          {(subject?.ageBand ?? referral.subjectAgeBand) && (
            <>
              <dt className="text-std-16B-170">{ja.referral.ageBand}</dt>
              <dd>{subject?.ageBand ?? referral.subjectAgeBand}</dd>
            </>
          )}
          {consent && (
            <>
              <dt className="text-std-16B-170">{ja.referral.consent}</dt>
              <dd>{consent.obtained ? ja.referral.consentObtained : ja.referral.consentNotObtained}</dd>
              {consent.obtainedAt && (
                <>
                  <dt className="text-std-16B-170">{ja.referral.consentAt}</dt>
                  <dd>
                    <time dateTime={consent.obtainedAt}>{formatJstDateTime(consent.obtainedAt)}</time>
                  </dd>
                </>
              )}
              {/* How and who come only with the whole subject: without it they are not shown, not "unrecorded". */}
              {subject && (
                <>
                  <dt className="text-std-16B-170">{ja.referral.consentMethod}</dt>
                  <dd>{consent.method ?? ja.referral.unknown}</dd>
                  <dt className="text-std-16B-170">{ja.referral.consentGivenBy}</dt>
                  <dd>{consent.givenBy ?? ja.referral.unknown}</dd>
                </>
              )}
            </>
          )}
        </dl>
        {!subject && referral.subjectKind === 'PERSON' && <p className="text-solid-gray-700">{ja.referral.residentHidden}</p>}
      </section>

      <section aria-labelledby="referral-history" className="flex flex-col gap-4">
        <h2 id="referral-history" className="text-std-24B-150">
          {ja.referral.history}
        </h2>
        <Timeline handoffs={referral.handoffs} />
      </section>
    </div>
  );
}
