// 送信メール: what Tsunagu would have sent, for an administrator trying it (npm start's mail catcher keeps every mail
// under .data/mail/ instead of delivering it). Both parts are shown as text: the HTML part's source, never rendered, so
// nothing of a mail runs or loads here, and the console's CSP (default-src 'self', no inline style) has nothing to refuse.
import { useId } from 'react';
import { useQuery } from 'urql';
import { useSessionEndedBy } from '../auth/session';
import { formatJstDateTime } from '../../shared/dates/format';
import { apiErrorInfo } from '../../shared/graphql/errors';
import type { KeptMailsQuery } from '../../shared/graphql/generated/graphql';
import { ja } from '../../shared/i18n/ja';
import { Button } from '../../shared/ui/Button';
import { Notice } from '../../shared/ui/Notice';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { KeptMailsDocument } from './documents';

export const KEPT_MAILS_SHOWN = 50;

type KeptMail = KeptMailsQuery['keptMails']['mails'][number];

export function KeptMailPage() {
  usePageTitle(ja.keptMail.title);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: KeptMailsDocument, variables: { first: KEPT_MAILS_SHOWN } });
  useSessionEndedBy(error);
  const kept = data?.keptMails;
  const forbidden = apiErrorInfo(error)?.code === 'FORBIDDEN';

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-std-32B-150">{ja.keptMail.title}</h1>
        <p>{ja.keptMail.lead}</p>
      </div>
      {!kept && <p role={error ? 'alert' : 'status'}>{forbidden ? ja.keptMail.adminOnly : error ? ja.errors.loadFailed : ja.app.loading}</p>}
      {kept && !kept.catcherEnabled && <Notice>{ja.keptMail.realServer}</Notice>}
      {kept?.catcherEnabled && (
        <section aria-labelledby="kept-mail-list" className="flex flex-col gap-4">
          <div className="flex flex-wrap items-center gap-4">
            <h2 id="kept-mail-list" className="text-std-24B-150">
              {ja.keptMail.listTitle}（{ja.keptMail.count(kept.totalCount)}）
            </h2>
            <Button variant="secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })} disabled={fetching}>
              {fetching ? ja.app.loading : ja.keptMail.refresh}
            </Button>
          </div>
          {kept.totalCount > kept.mails.length && <p>{ja.keptMail.newestOnly(kept.mails.length)}</p>}
          {kept.mails.length ? (
            <ul className="flex flex-col gap-6">
              {kept.mails.map((mail) => (
                <KeptMailItem key={mail.id} mail={mail} />
              ))}
            </ul>
          ) : (
            <p>{ja.keptMail.empty}</p>
          )}
        </section>
      )}
    </div>
  );
}

function KeptMailItem({ mail }: { mail: KeptMail }) {
  const titleId = useId();
  // Bcc recipients are only in the envelope: show them apart from To when there are any.
  const others = mail.recipients.filter((address) => !mail.to.includes(address));
  return (
    <li>
      <article aria-labelledby={titleId} className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4">
        <h3 id={titleId} className="text-std-20B-150 break-words">
          {mail.subject || ja.keptMail.noSubject}
        </h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-bold">{ja.keptMail.sentAt}</dt>
          <dd>{formatJstDateTime(mail.receivedAt)}</dd>
          <dt className="font-bold">{ja.keptMail.to}</dt>
          <dd className="break-all">{mail.to.join(', ') || '—'}</dd>
          {others.length > 0 && (
            <>
              <dt className="font-bold">{ja.keptMail.otherRecipients}</dt>
              <dd className="break-all">{others.join(', ')}</dd>
            </>
          )}
          <dt className="font-bold">{ja.keptMail.from}</dt>
          <dd className="break-all">{mail.from ?? '—'}</dd>
        </dl>
        <h4 className="font-bold">{ja.keptMail.textPart}</h4>
        <pre className="whitespace-pre-wrap break-words rounded-8 bg-solid-gray-50 p-4 font-sans">{mail.text ?? ja.keptMail.noText}</pre>
        {mail.html && (
          <details>
            <summary className="cursor-pointer text-blue-1000 underline">{ja.keptMail.htmlPart}</summary>
            <pre className="mt-2 whitespace-pre-wrap break-all rounded-8 bg-solid-gray-50 p-4 text-std-16N-170">{mail.html}</pre>
          </details>
        )}
      </article>
    </li>
  );
}
