// The coordinator home's filters, kept in the address (search params) so a reload or a shared link keeps them, and
// turned into the api's ReferralFilter. Pure.
import type { NeedCategory, ReferralFilter, ReferralStatus } from '../../shared/graphql/generated/graphql';

export interface HomeFilters {
  text: string;
  category: NeedCategory | '';
  status: ReferralStatus | '';
  organizationId: string;
  submittedFrom: string;
  submittedTo: string;
  /** An area code: the 見える化 page's links narrow the list to one area. */
  area: string;
}

const PARAMS: Record<keyof HomeFilters, string> = {
  text: 'q',
  category: 'category',
  status: 'status',
  organizationId: 'org',
  submittedFrom: 'from',
  submittedTo: 'to',
  area: 'area',
};

export function filtersFromParams(params: URLSearchParams): HomeFilters {
  const get = (key: keyof HomeFilters) => params.get(PARAMS[key]) ?? '';
  return {
    text: get('text'),
    category: get('category') as HomeFilters['category'],
    status: get('status') as HomeFilters['status'],
    organizationId: get('organizationId'),
    submittedFrom: get('submittedFrom'),
    submittedTo: get('submittedTo'),
    area: get('area'),
  };
}

/** Only the filters set, so an empty form leaves a clean address. */
export function paramsFromFilters(filters: HomeFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as Array<keyof HomeFilters>) {
    const value = filters[key].trim();
    if (value) params.set(PARAMS[key], value);
  }
  return params;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The list's filter (text at most 100 characters, as the api allows; days only when whole). */
export function referralFilter(filters: HomeFilters): ReferralFilter {
  const text = filters.text.trim().slice(0, 100);
  return {
    ...(text ? { text } : {}),
    ...(filters.area ? { areaCode: [filters.area] } : {}),
    ...(filters.category ? { category: [filters.category] } : {}),
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(filters.organizationId ? { organizationId: filters.organizationId } : {}),
    ...(DAY.test(filters.submittedFrom) ? { submittedFrom: filters.submittedFrom } : {}),
    ...(DAY.test(filters.submittedTo) ? { submittedTo: filters.submittedTo } : {}),
  };
}

/** "Needs me now" under the same search, whatever status tab is open (the urgent ones are never hidden by a tab). */
export function attentionFilter(filters: HomeFilters): ReferralFilter {
  const { status: _status, ...rest } = referralFilter(filters);
  return { ...rest, needsAttention: true };
}
