// The category's details as a description list: each field's label and its values in Japanese.
import type { ReferralPageQuery } from '../../shared/graphql/generated/graphql';
import { ja } from '../../shared/i18n/ja';

type Details = NonNullable<NonNullable<ReferralPageQuery['referral']>['details']>;

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined) return ja.referral.unknown;
  if (typeof value === 'boolean') return value ? ja.referral.yes : ja.referral.no;
  if (Array.isArray(value)) {
    if (!value.length) return ja.referral.unknown;
    const words: Record<string, string> = field === 'days' ? ja.labels.weekday : ja.labels.detailValue;
    return value.map((v: string) => words[v] ?? v).join('・');
  }
  if (typeof value === 'string')
    return field === 'location' || field === 'nearestShop' || field === 'note' ? value : (ja.labels.detailValue[value] ?? value);
  return String(value);
}

export function DetailsList({ details }: { details: Details | null | undefined }) {
  if (!details) return <p>{ja.referral.detailsNone}</p>;
  const labels: Record<string, string> = ja.labels.detailField;
  const rows = Object.entries(details).filter(([field]) => field !== '__typename' && labels[field]);
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
      {rows.map(([field, value]) => (
        <div key={field} className="contents">
          <dt className="text-std-16B-170">{labels[field]}</dt>
          <dd className="whitespace-pre-wrap">{valueText(field, value)}</dd>
        </div>
      ))}
    </dl>
  );
}
