// The referral's history as an ordered list, oldest first: each entry's move, when (JST, weekday, era), who, the
// organisations, the 代理入力 marker, the reason and the note. A list of articles, so screen readers count the steps.
import { ja } from '../../shared/i18n/ja';
import { timelineEntry, type HandoffFields } from './timeline';

export function Timeline({ handoffs }: { handoffs: readonly HandoffFields[] }) {
  if (!handoffs.length) return <p>{ja.referral.historyEmpty}</p>;
  return (
    <ol className="flex flex-col gap-4 border-l-4 border-solid-gray-300 pl-4">
      {handoffs.map(timelineEntry).map((entry) => (
        <li key={entry.seq} className="flex flex-col gap-1">
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-std-16B-170">{entry.title}</span>
            {entry.proxy && (
              <span className="rounded-4 border border-blue-900 px-1 text-dns-14N-130 text-blue-1000" title={ja.referral.proxyLong}>
                {ja.referral.proxy}
              </span>
            )}
          </p>
          <p className="text-dns-14N-130 text-solid-gray-800">
            <time dateTime={entry.at}>{entry.when}</time>・{entry.who}
          </p>
          {(entry.from || entry.to) && (
            <p className="text-dns-14N-130">
              {entry.from && `${ja.referral.from}: ${entry.from}`}
              {entry.from && entry.to && ' → '}
              {entry.to && `${ja.referral.to}: ${entry.to}`}
            </p>
          )}
          {entry.reason && (
            <p>
              {ja.referral.reason}: {entry.reason}
            </p>
          )}
          {entry.note && (
            <p className="whitespace-pre-wrap">
              {ja.referral.note}: {entry.note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
