// The coordinator's home: first the referrals that need me now (most urgent first), then every referral the search
// selects, by status with counts. One request for both lists and the counts (no request per row); the organisations
// for the filter come once. Typing in the search box waits 250 ms before asking, and the rows stay shown meanwhile.
// The lists refresh themselves like the partner's inbox (every 20 s while the tab is visible): the same query again,
// so the typed text, the filters, focus and scroll stay as they are.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSessionEndedBy } from '../auth/session';
import { formatJstDate, formatJstDateTime } from '../../shared/dates/format';
import type { CoordinatorHomeQuery, HomeReferralRowFragment, ReferralStatus } from '../../shared/graphql/generated/graphql';
import { ja } from '../../shared/i18n/ja';
import { Button } from '../../shared/ui/Button';
import { optionsOf } from '../../shared/ui/options';
import { Select } from '../../shared/ui/Select';
import { TextField } from '../../shared/ui/TextField';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { usePolling } from '../../shared/ui/usePolling';
import { CoordinatorHomeDocument, HomeOrganizationsDocument } from './coordinator-documents';
import { attentionFilter, filtersFromParams, paramsFromFilters, referralFilter, type HomeFilters } from './filters';

const H = ja.coordinatorHome;
const ID = 'home';
const PAGE = 50;
/**
 * Rows drawn per list until 「さらに表示」 is pressed: a search redraws both lists, and React creates every drawn row's
 * elements even where the browser skips laying them out (docs/BENCHMARKS.md, "Web console: the search").
 */
export const ROWS_AT_ONCE = 20;
export const SEARCH_DEBOUNCE_MS = 250;
export const HOME_POLL_MS = 20_000;

export function CoordinatorHome() {
  usePageTitle(H.title);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const setFilters = useCallback(
    (next: Partial<HomeFilters>) => setParams(paramsFromFilters({ ...filters, ...next }), { replace: true }),
    [filters, setParams],
  );
  const clearFilters = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  // The text box is ahead of the address while the person types; the address (and the query) follow after a pause.
  const [text, setText] = useState(filters.text);
  useEffect(() => setText(filters.text), [filters.text]);
  useEffect(() => {
    if (text === filters.text) return;
    const timer = setTimeout(() => setParams(paramsFromFilters({ ...filters, text }), { replace: true }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, setParams]);

  const variables = useMemo(() => ({ filter: referralFilter(filters), attentionFilter: attentionFilter(filters), first: PAGE }), [filters]);
  const [{ data, error, fetching, operation }, reexecute] = useQuery({ query: CoordinatorHomeDocument, variables });
  const [{ data: organizationsData }] = useQuery({ query: HomeOrganizationsDocument });
  useSessionEndedBy(error);
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  usePolling(refresh, HOME_POLL_MS);
  // The last answer stays on screen while the next one is on its way (no blank list between keystrokes).
  const shown = useRef<{ data: CoordinatorHomeQuery; variables: string } | undefined>(undefined);
  if (data && operation) shown.current = { data, variables: JSON.stringify(operation.variables) };
  const current = data ?? shown.current?.data;
  // 更新しています… only for a new search, not for the quiet refresh of the same one (a screen reader would hear it
  // every 20 s).
  const searching = fetching && current !== undefined && shown.current?.variables !== JSON.stringify(variables);
  // A new search starts each list at ROWS_AT_ONCE again; a refresh of the same one keeps what was opened.
  const listKey = shown.current?.variables ?? '';
  const attentionIds = useMemo(() => new Set(current?.attention.edges.map((edge) => edge.node.id)), [current]);
  const attentionRows = useMemo(() => current?.attention.edges.map((edge) => edge.node) ?? [], [current]);
  const listRows = useMemo(() => current?.list.edges.map((edge) => edge.node) ?? [], [current]);

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-std-32B-150">{H.title}</h1>
        <Link
          to="/referrals/new"
          className="inline-flex min-h-11 items-center rounded-8 bg-blue-900 px-4 py-2 text-oln-16B-100 text-white hover:bg-blue-1000 hover:underline"
        >
          {H.newReferral}
        </Link>
      </div>
      <p>{ja.home.today(formatJstDate(new Date()))}</p>

      <section aria-labelledby={`${ID}-search-title`} className="flex flex-col gap-4 rounded-12 border border-solid-gray-200 p-6">
        <h2 id={`${ID}-search-title`} className="text-std-20B-150">
          {H.searchTitle}
        </h2>
        <SearchForm
          text={text}
          onText={setText}
          filters={filters}
          setFilters={setFilters}
          onClear={clearFilters}
          organizations={organizationsData?.organizations}
          areas={organizationsData?.areas}
        />
        <p role="status" className="text-dns-14N-130 text-solid-gray-700">
          {searching ? H.updating : ''}
        </p>
      </section>

      {error && !current && <p role="alert">{ja.errors.loadFailed}</p>}
      {!current && !error && <p role="status">{ja.app.loading}</p>}
      {current && (
        <>
          <section aria-labelledby={`${ID}-attention-title`} className="flex flex-col gap-4">
            <h2 id={`${ID}-attention-title`} className="text-std-24B-150">
              {H.attentionTitle} <span className="ml-3 text-std-20B-150 text-error-2">{H.count(current.attention.totalCount)}</span>
            </h2>
            <p className="text-solid-gray-700">{H.attentionLead}</p>
            <ReferralList key={listKey} rows={attentionRows} empty={H.attentionEmpty} label={H.attentionTitle} />
          </section>

          <section aria-labelledby={`${ID}-all-title`} className="flex flex-col gap-4">
            <h2 id={`${ID}-all-title`} className="text-std-24B-150">
              {H.allTitle} <span className="ml-3 text-std-20B-150">{H.count(current.list.totalCount)}</span>
            </h2>
            <StatusTabs counts={current.list.countsByStatus} selected={filters.status} onSelect={(status) => setFilters({ status })} />
            <ReferralList key={listKey} rows={listRows} empty={H.listEmpty} label={H.allTitle} marked={attentionIds} />
            {current.list.totalCount > current.list.edges.length && <p>{H.showingFirst(current.list.edges.length, current.list.totalCount)}</p>}
          </section>
        </>
      )}
    </div>
  );
}

/**
 * The search's fields. Memoised, as the lists are: an answer redraws the lists, not the form (its selects hold every
 * organisation), and a keystroke redraws the form, not the lists.
 */
const SearchForm = memo(function SearchForm({
  text,
  onText,
  filters,
  setFilters,
  onClear,
  organizations,
  areas,
}: {
  text: string;
  onText: (text: string) => void;
  filters: HomeFilters;
  setFilters: (next: Partial<HomeFilters>) => void;
  onClear: () => void;
  organizations: ReadonlyArray<{ id: string; name: string }> | undefined;
  areas: ReadonlyArray<{ code: string; name: string }> | undefined;
}) {
  return (
    <form role="search" aria-labelledby={`${ID}-search-title`} className="grid gap-4 md:grid-cols-2" onSubmit={(event) => event.preventDefault()}>
      <TextField
        id={`${ID}-text`}
        label={H.text}
        hint={H.textHint}
        type="search"
        maxLength={100}
        value={text}
        onChange={(event) => onText(event.target.value)}
      />
      <Select
        any={H.any}
        id={`${ID}-category`}
        label={H.category}
        value={filters.category}
        onChange={(category) => setFilters({ category: category as HomeFilters['category'] })}
        options={optionsOf(ja.enums.category)}
      />
      <Select
        any={H.any}
        id={`${ID}-status`}
        label={H.status}
        value={filters.status}
        onChange={(status) => setFilters({ status: status as HomeFilters['status'] })}
        options={optionsOf(ja.enums.status)}
      />
      <Select
        any={H.any}
        id={`${ID}-organization`}
        label={H.organization}
        value={filters.organizationId}
        onChange={(organizationId) => setFilters({ organizationId })}
        options={(organizations ?? []).map((organization) => [organization.id, organization.name])}
      />
      <Select
        any={H.any}
        id={`${ID}-area`}
        label={H.area}
        value={filters.area}
        onChange={(area) => setFilters({ area })}
        options={(areas ?? []).map((area) => [area.code, area.name])}
      />
      <TextField
        id={`${ID}-from`}
        label={H.submittedFrom}
        type="date"
        value={filters.submittedFrom}
        onChange={(event) => setFilters({ submittedFrom: event.target.value })}
      />
      <TextField
        id={`${ID}-to`}
        label={H.submittedTo}
        type="date"
        value={filters.submittedTo}
        onChange={(event) => setFilters({ submittedTo: event.target.value })}
      />
      <div>
        <Button variant="secondary" onClick={onClear}>
          {H.clear}
        </Button>
      </div>
    </form>
  );
});

/** Every status with its count (the filter's other conditions applied); choosing one narrows the list to it. */
function StatusTabs({
  counts,
  selected,
  onSelect,
}: {
  counts: Array<{ status: ReferralStatus; count: number }>;
  selected: string;
  onSelect: (status: ReferralStatus | '') => void;
}) {
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  const ordered = (Object.keys(ja.enums.status) as ReferralStatus[]).filter((status) => counts.some((entry) => entry.status === status));
  const tab = (key: string, label: string, status: ReferralStatus | '') => (
    <li key={key}>
      <button
        type="button"
        aria-pressed={selected === status}
        onClick={() => onSelect(status)}
        className={`min-h-11 rounded-8 border px-3 py-2 text-dns-16N-130 ${selected === status ? 'border-blue-900 bg-blue-900 text-white' : 'border-solid-gray-600 bg-white hover:underline'}`}
      >
        {label}
      </button>
    </li>
  );
  return (
    <ul aria-label={H.statusTabs} className="flex flex-wrap gap-2">
      {tab('all', H.allStatuses(total), '')}
      {ordered.map((status) => tab(status, H.statusCount(ja.enums.status[status], counts.find((entry) => entry.status === status)!.count), status))}
    </ul>
  );
}

/**
 * A list of referral rows. The full list keeps the ones also in 「対応が必要な依頼」 (its counts and status tabs are of
 * everything the search finds, and a coordinator looking under つなぎ先なし expects them there) and marks them
 * (`marked`), so nobody takes them for two referrals.
 */
const ReferralList = memo(function ReferralList({
  rows,
  empty,
  label,
  marked,
}: {
  rows: HomeReferralRowFragment[];
  empty: string;
  label: string;
  marked?: ReadonlySet<string>;
}) {
  const [limit, setLimit] = useState(ROWS_AT_ONCE);
  const followLink = useFollowLink();
  if (!rows.length) return <p className="rounded-8 bg-solid-gray-50 p-4">{empty}</p>;
  const more = rows.length - limit;
  return (
    <>
      {/* The rows' links are followed by the list's one handler (useFollowLink); the anchors stay keyboard-reachable links. */}
      <ul aria-label={label} className="flex flex-col gap-3" onClick={followLink}>
        {rows.slice(0, limit).map((row) => (
          <ReferralRow key={row.id} row={row} marked={marked?.has(row.id) ?? false} />
        ))}
      </ul>
      {more > 0 && (
        <div>
          <Button variant="secondary" onClick={() => setLimit(rows.length)}>
            {H.showMore(more)}
          </Button>
        </div>
      )}
    </>
  );
});

/**
 * Follows a link in the list inside the console, as react-router's <Link> does, for a plain click or Enter; a click
 * with a modifier key or another button is left to the browser (a new tab or window). One handler per list instead
 * of a <Link> per row: a Link's hooks were about a quarter of what drawing a row cost on a slow tablet.
 */
function useFollowLink() {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const href = link.getAttribute('href');
      if (!href?.startsWith('/')) return;
      event.preventDefault();
      void navigate(href);
    },
    [navigate],
  );
}

/** One row; drawn again only when its own fields change (a refresh answers mostly the same rows). */
const ReferralRow = memo(
  function ReferralRow({ row, marked }: { row: HomeReferralRowFragment; marked: boolean }) {
    const C = H.columns;
    return (
      <li className="list-row rounded-8 border border-solid-gray-200 p-4">
        <a href={`/referrals/${row.id}`} className="text-std-16B-170 text-blue-1000 underline">
          {row.summary}
        </a>
        {marked && (
          <span className="ml-3 inline-block rounded-4 border border-error-2 px-2 text-dns-14B-120 text-error-2">{H.alsoNeedsAttention}</span>
        )}
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-dns-16N-130 sm:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="text-solid-gray-700">{C.status}</dt>
          <dd className="font-bold">{ja.enums.status[row.status]}</dd>
          <dt className="text-solid-gray-700">{C.category}</dt>
          <dd>{ja.enums.category[row.category]}</dd>
          <dt className="text-solid-gray-700">{C.organization}</dt>
          <dd>{row.currentOrganization?.name ?? H.noOrganization}</dd>
          <dt className="text-solid-gray-700">{C.due}</dt>
          <dd>{row.responseDueAt ? formatJstDateTime(row.responseDueAt) : H.noDeadline}</dd>
          <dt className="text-solid-gray-700">{C.submitted}</dt>
          <dd>{formatJstDateTime(row.createdAt)}</dd>
        </dl>
      </li>
    );
  },
  (before, after) => before.marked === after.marked && sameRow(before.row, after.row),
);

function sameRow(a: HomeReferralRowFragment, b: HomeReferralRowFragment): boolean {
  return (
    a.id === b.id &&
    a.summary === b.summary &&
    a.status === b.status &&
    a.category === b.category &&
    a.responseDueAt === b.responseDueAt &&
    a.createdAt === b.createdAt &&
    a.currentOrganization?.name === b.currentOrganization?.name
  );
}
