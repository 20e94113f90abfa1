// The reports through GraphQL (docs/REPORTS.md): a known set of referrals with known dates and answers, written into the
// read model as history (submission times cannot be set through the api), the JST month boundary included; every cell
// of every report as tier-1 sees it, then what a tier-2 coordinator of one area, the subcommittee and a partner see
// (small cells as 「3未満」, sums that would give them away as 「秘匿」), and refused input. The SQL's rows are checked
// one by one in apps/api/src/reports/reports.repository.db-spec.ts.
import { randomUUID } from 'node:crypto';
import { createTestCity, GraphQLSession, queryRows, readE2eState, signIn, TestCity } from '@tsunagu/testing/e2e';

jest.setTimeout(180_000);

const state = readE2eState();
let city: TestCity;
let otherAreaId: string;
const as = {} as Record<'tier1' | 'tier2' | 'subcommittee' | 'first' | 'admin', GraphQLSession>;

interface Step {
  kind: string;
  at: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
}

async function referral(
  r: { area: string; category: string; createdAt: string; status: string; destination?: string; holder?: string; outcome?: string },
  steps: Step[],
) {
  const id = randomUUID();
  const [user] = await queryRows<{ id: string }>(state.databaseUrl, `SELECT id FROM app_user WHERE email = $1`, [city.emails.tier2]);
  const all: Step[] = [{ kind: 'SUBMITTED', at: r.createdAt }, ...steps];
  await queryRows(
    state.databaseUrl,
    `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind, destination,
                           submitted_by_id, current_organization_id, outcome, last_seq, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'report e2e', 'PERSON', $7, $8, $9, $10, $11, $12, $13)`,
    [
      id,
      `referral:report-e2e:${id}`,
      `report-${id}`,
      r.status,
      r.category,
      r.area,
      r.destination ?? 'PARTNER',
      user.id,
      r.holder ?? null,
      r.outcome ?? null,
      all.length,
      r.createdAt,
      all.at(-1)!.at,
    ],
  );
  for (const [i, s] of all.entries()) {
    await queryRows(
      state.databaseUrl,
      `INSERT INTO referral_handoff (referral_id, seq, kind, from_organization_id, to_organization_id, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, i + 1, s.kind, s.from ?? null, s.to ?? null, s.reason ?? null, s.at],
    );
  }
  return id;
}

beforeAll(async () => {
  city = await createTestCity(state.databaseUrl, 'reports');
  [{ id: otherAreaId }] = await queryRows<{ id: string }>(state.databaseUrl, `SELECT id FROM area WHERE code = $1`, [city.otherAreaCode]);
  const first = city.first.id;
  const elsewhere = city.elsewhere.id;
  // Own area (the tier-2 coordinator's): one need on each side of the JST month boundary.
  await referral(
    { area: city.areaId, category: 'TRANSPORT', createdAt: '2025-11-30T23:30:00+09:00', status: 'COMPLETED', holder: first, outcome: 'RESOLVED' },
    [
      { kind: 'OFFERED', at: '2025-11-30T23:30:00+09:00', to: first },
      { kind: 'ACCEPTED', at: '2025-12-01T10:00:00+09:00', from: first, to: first },
      { kind: 'STARTED', at: '2025-12-02T10:00:00+09:00', from: first, to: first },
      { kind: 'COMPLETED', at: '2025-12-03T10:00:00+09:00', from: first, to: first, reason: 'RESOLVED' },
    ],
  );
  await referral({ area: city.areaId, category: 'TRANSPORT', createdAt: '2025-12-01T00:10:00+09:00', status: 'OFFERED', holder: first }, [
    { kind: 'OFFERED', at: '2025-12-01T00:10:00+09:00', to: first },
  ]);
  // The other area: two needs sent to tier-1 (a small cell), three declined and unmatched.
  for (const day of ['10', '11']) {
    await referral(
      { area: otherAreaId, category: 'SHOPPING', destination: 'TIER1', createdAt: `2025-12-${day}T09:00:00+09:00`, status: 'ESCALATED' },
      [{ kind: 'ESCALATED', at: `2025-12-${day}T09:00:00+09:00` }],
    );
  }
  for (let i = 0; i < 3; i++) {
    await referral({ area: otherAreaId, category: 'TRANSPORT', createdAt: '2025-12-05T10:00:00+09:00', status: 'UNMATCHED' }, [
      { kind: 'OFFERED', at: '2025-12-05T10:00:00+09:00', to: elsewhere },
      { kind: 'DECLINED', at: '2025-12-08T10:00:00+09:00', from: elsewhere, reason: 'NO_CAPACITY' },
      { kind: 'UNMATCHED', at: '2025-12-08T10:00:00+09:00' },
    ]);
  }
  // Outside the period: January's first instant.
  await referral({ area: city.areaId, category: 'TRANSPORT', createdAt: '2026-01-01T00:00:00+09:00', status: 'OFFERED', holder: first }, [
    { kind: 'OFFERED', at: '2026-01-01T00:00:00+09:00', to: first },
  ]);

  const [org] = await queryRows<{ id: string }>(
    state.databaseUrl,
    `INSERT INTO organization (name, kind, categories, has_system_users) VALUES ($1, 'SUBCOMMITTEE', '{}', true) RETURNING id`,
    [`${city.areaCode} 部会`],
  );
  const subcommittee = `subcommittee-${randomUUID().slice(0, 8)}@test.example`;
  await queryRows(
    state.databaseUrl,
    `INSERT INTO app_user (email, display_name, role, organization_id, password_hash)
     SELECT $1, '部会事務局', 'SUBCOMMITTEE', $2, password_hash FROM app_user WHERE email = $3`,
    [subcommittee, org.id, city.emails.tier1],
  );
  as.tier1 = await signIn(state.graphqlUrl, city.emails.tier1, city.password);
  as.admin = await signIn(state.graphqlUrl, city.emails.admin, city.password);
  as.tier2 = await signIn(state.graphqlUrl, city.emails.tier2, city.password);
  as.first = await signIn(state.graphqlUrl, city.emails.first, city.password);
  as.subcommittee = await signIn(state.graphqlUrl, subcommittee, city.password);
});

const filter = () => ({ from: '2025-11', to: '2025-12', areaCodes: [city.areaCode, city.otherAreaCode] });
const C = `{ count display suppressed }`;
const n = (count: number) => ({ count, display: String(count), suppressed: false });
const UNDER3 = { count: null, display: '3未満', suppressed: true };
const WITHHELD = { count: null, display: '秘匿', suppressed: true };

async function data(session: GraphQLSession, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await session.send(query, variables);
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors ?? response)}`);
  return response.data;
}

const NEEDS = `query N($filter: ReportFilter!) { needsReport(filter: $filter) {
  period { from to months }
  cells { area { code } category month count ${C} }
  byArea { area { code } count ${C} } byCategory { category count ${C} } byMonth { month count ${C} }
  bySubjectKind { subjectKind count ${C} } total ${C} } }`;

function byCategory(counts: Record<string, unknown>) {
  return ['TRANSPORT', 'SHOPPING', 'VOLUNTEER_INTEREST', 'HOME_HELP', 'GATHERING_PLACE', 'WATCH_OVER', 'OTHER'].map((category) => ({
    category,
    count: counts[category] ?? n(0),
  }));
}

describe('needsReport', () => {
  it('gives tier-1 every cell, each need in the JST month of its submission', async () => {
    const { needsReport } = await data(as.tier1, NEEDS, { filter: filter() });
    const T = city.areaCode;
    const U = city.otherAreaCode;
    expect(needsReport).toEqual({
      period: { from: '2025-11-01', to: '2025-12-31', months: ['2025-11', '2025-12'] },
      cells: [
        { area: { code: T }, category: 'TRANSPORT', month: '2025-11', count: n(1) },
        { area: { code: T }, category: 'TRANSPORT', month: '2025-12', count: n(1) },
        { area: { code: U }, category: 'SHOPPING', month: '2025-12', count: n(2) },
        { area: { code: U }, category: 'TRANSPORT', month: '2025-12', count: n(3) },
      ],
      byArea: [
        { area: { code: T }, count: n(2) },
        { area: { code: U }, count: n(5) },
      ],
      byCategory: byCategory({ TRANSPORT: n(5), SHOPPING: n(2) }),
      byMonth: [
        { month: '2025-11', count: n(1) },
        { month: '2025-12', count: n(6) },
      ],
      bySubjectKind: [
        { subjectKind: 'PERSON', count: n(7) },
        { subjectKind: 'AREA', count: n(0) },
      ],
      total: n(7),
    });
    expect((await data(as.admin, NEEDS, { filter: filter() })).needsReport).toEqual(needsReport);
  });

  it('shows a tier-2 coordinator their own area in full and hides small cells of the other, with the sums that would reveal them', async () => {
    const { needsReport } = await data(as.tier2, NEEDS, { filter: filter() });
    const T = city.areaCode;
    const U = city.otherAreaCode;
    expect(needsReport.cells).toEqual([
      { area: { code: T }, category: 'TRANSPORT', month: '2025-11', count: n(1) },
      { area: { code: T }, category: 'TRANSPORT', month: '2025-12', count: n(1) },
      { area: { code: U }, category: 'SHOPPING', month: '2025-12', count: UNDER3 },
      { area: { code: U }, category: 'TRANSPORT', month: '2025-12', count: n(3) },
    ]);
    expect(needsReport.byArea).toEqual([
      { area: { code: T }, count: n(2) },
      { area: { code: U }, count: WITHHELD },
    ]);
    expect(needsReport.byCategory).toEqual(byCategory({ TRANSPORT: n(5), SHOPPING: UNDER3 }));
    expect(needsReport.byMonth).toEqual([
      { month: '2025-11', count: n(1) },
      { month: '2025-12', count: WITHHELD },
    ]);
    // The total is withheld; with it hidden, PERSON (the only non-zero part) would give it away, so it goes too.
    expect(needsReport.total).toEqual(WITHHELD);
    expect(needsReport.bySubjectKind).toEqual([
      { subjectKind: 'PERSON', count: WITHHELD },
      { subjectKind: 'AREA', count: n(0) },
    ]);
  });

  it('shows the subcommittee every area in aggregate, small cells hidden', async () => {
    const { needsReport } = await data(as.subcommittee, NEEDS, { filter: filter() });
    expect(needsReport.cells.map((cell: any) => cell.count)).toEqual([UNDER3, UNDER3, UNDER3, n(3)]);
    expect(needsReport.byArea.map((row: any) => row.count)).toEqual([UNDER3, WITHHELD]);
    expect(needsReport.total).toEqual(WITHHELD);
  });

  it('gives a partner the needs offered to its organisation, in full', async () => {
    const { needsReport } = await data(as.first, NEEDS, { filter: filter() });
    expect(needsReport.cells).toEqual([
      { area: { code: city.areaCode }, category: 'TRANSPORT', month: '2025-11', count: n(1) },
      { area: { code: city.areaCode }, category: 'TRANSPORT', month: '2025-12', count: n(1) },
    ]);
    expect(needsReport.total).toEqual(n(2));
  });
});

it('outcomesReport: status and outcome now, escalated, linked; a partner only what it holds', async () => {
  const OUTCOMES = `query O($filter: ReportFilter!) { outcomesReport(filter: $filter) {
    cells { area { code } category status outcome count ${C} } byResult { status outcome count ${C} }
    escalated ${C} linkedToRegionalIssue ${C} total ${C} } }`;
  const T = city.areaCode;
  const U = city.otherAreaCode;
  expect((await data(as.tier1, OUTCOMES, { filter: filter() })).outcomesReport).toEqual({
    cells: [
      { area: { code: T }, category: 'TRANSPORT', status: 'COMPLETED', outcome: 'RESOLVED', count: n(1) },
      { area: { code: T }, category: 'TRANSPORT', status: 'OFFERED', outcome: null, count: n(1) },
      { area: { code: U }, category: 'SHOPPING', status: 'ESCALATED', outcome: null, count: n(2) },
      { area: { code: U }, category: 'TRANSPORT', status: 'UNMATCHED', outcome: null, count: n(3) },
    ],
    byResult: [
      { status: 'COMPLETED', outcome: 'RESOLVED', count: n(1) },
      { status: 'ESCALATED', outcome: null, count: n(2) },
      { status: 'OFFERED', outcome: null, count: n(1) },
      { status: 'UNMATCHED', outcome: null, count: n(3) },
    ],
    escalated: n(2),
    linkedToRegionalIssue: n(0),
    total: n(7),
  });
  const partner = (await data(as.first, OUTCOMES, { filter: filter() })).outcomesReport;
  expect(partner.byResult).toEqual([
    { status: 'COMPLETED', outcome: 'RESOLVED', count: n(1) },
    { status: 'OFFERED', outcome: null, count: n(1) },
  ]);
  expect([partner.escalated, partner.linkedToRegionalIssue, partner.total]).toEqual([null, null, n(2)]);
  const tier2 = (await data(as.tier2, OUTCOMES, { filter: filter() })).outcomesReport;
  expect(tier2.escalated).toEqual(UNDER3);
  expect(tier2.byResult.find((row: any) => row.status === 'ESCALATED').count).toEqual(UNDER3);
  expect(tier2.total).toEqual(WITHHELD);
});

it('answerTimesReport: median and 90th percentile in hours and business days', async () => {
  const T = `{ count ${C} medianHours p90Hours medianBusinessDays p90BusinessDays }`;
  const { answerTimesReport } = await data(
    as.tier1,
    `query A($filter: ReportFilter!) { answerTimesReport(filter: $filter) { overall { measure time ${T} } byArea { area { code } measures { measure time ${T} } } } }`,
    { filter: filter() },
  );
  // Submitted Sun 2025-11-30 23:30, accepted Mon 12-01 10:00 (10.5 h, 1 business day), completed Wed 12-03 10:00 (58.5 h, 3);
  // three submitted Fri 12-05 10:00, declined Mon 12-08 10:00 (72 h, 1).
  expect(answerTimesReport.overall).toEqual([
    { measure: 'FIRST_ANSWER', time: { count: n(4), medianHours: 72, p90Hours: 72, medianBusinessDays: 1, p90BusinessDays: 1 } },
    { measure: 'ACCEPTANCE', time: { count: n(1), medianHours: 10.5, p90Hours: 10.5, medianBusinessDays: 1, p90BusinessDays: 1 } },
    { measure: 'COMPLETION', time: { count: n(1), medianHours: 58.5, p90Hours: 58.5, medianBusinessDays: 3, p90BusinessDays: 3 } },
  ]);
  expect(answerTimesReport.byArea.map((area: any) => [area.area.code, area.measures.map((m: any) => m.time.count.count)])).toEqual([
    [city.areaCode, [1, 1, 1]],
    [city.otherAreaCode, [3, 0, 0]],
  ]);
  // Tier-2: the own area's single acceptance shows; a city-wide count of 1 that includes no other area's need too.
  const tier2 = (
    await data(as.tier2, `query A($filter: ReportFilter!) { answerTimesReport(filter: $filter) { overall { measure time ${T} } } }`, {
      filter: filter(),
    })
  ).answerTimesReport;
  expect(tier2.overall[1].time).toEqual({ count: n(1), medianHours: 10.5, p90Hours: 10.5, medianBusinessDays: 1, p90BusinessDays: 1 });
  const sub = (
    await data(as.subcommittee, `query A($filter: ReportFilter!) { answerTimesReport(filter: $filter) { overall { measure time ${T} } } }`, {
      filter: filter(),
    })
  ).answerTimesReport;
  expect(sub.overall[1].time).toEqual({ count: UNDER3, medianHours: null, p90Hours: null, medianBusinessDays: null, p90BusinessDays: null });
});

it('offersReport: endings, reasons, share accepted, partners tried before acceptance', async () => {
  const { offersReport } = await data(
    as.tier1,
    `query O($filter: ReportFilter!) { offersReport(filter: $filter) { offers ${C} accepted ${C} declined ${C}
      declinedByReason { reason count ${C} } expired ${C} other ${C} open ${C} shareAccepted triedBeforeAcceptance { tried count ${C} } } }`,
    { filter: filter() },
  );
  expect(offersReport).toEqual({
    offers: n(5),
    accepted: n(1),
    declined: n(3),
    declinedByReason: ['NO_CAPACITY', 'OUT_OF_AREA', 'NOT_ELIGIBLE', 'NOT_OUR_SERVICE', 'COULD_NOT_CONTACT', 'OTHER'].map((reason) => ({
      reason,
      count: n(reason === 'NO_CAPACITY' ? 3 : 0),
    })),
    expired: n(0),
    other: n(0),
    open: n(1),
    shareAccepted: 0.25,
    triedBeforeAcceptance: [
      { tried: '0', count: n(1) },
      { tried: '1', count: n(0) },
      { tried: '2', count: n(0) },
      { tried: '3+', count: n(0) },
    ],
  });
});

it('gapsReport: unmatched and escalated beside the partners serving each area and category', async () => {
  const { gapsReport } = await data(
    as.tier1,
    `query G($filter: ReportFilter!) { gapsReport(filter: $filter) { cells { area { code } category unmatched ${C} escalated ${C}
      partners { id acceptingReferrals } partnersAccepting } unmatchedTotal ${C} escalatedTotal ${C} } }`,
    { filter: { ...filter(), categories: ['TRANSPORT', 'SHOPPING'] } },
  );
  expect(gapsReport).toEqual({
    cells: [
      { area: { code: city.areaCode }, category: 'TRANSPORT', unmatched: n(0), escalated: n(0), partners: expect.any(Array), partnersAccepting: 2 },
      {
        area: { code: city.areaCode },
        category: 'SHOPPING',
        unmatched: n(0),
        escalated: n(0),
        partners: [{ id: city.shop.id, acceptingReferrals: true }],
        partnersAccepting: 1,
      },
      {
        area: { code: city.otherAreaCode },
        category: 'TRANSPORT',
        unmatched: n(3),
        escalated: n(0),
        partners: [{ id: city.elsewhere.id, acceptingReferrals: true }],
        partnersAccepting: 1,
      },
      { area: { code: city.otherAreaCode }, category: 'SHOPPING', unmatched: n(0), escalated: n(2), partners: [], partnersAccepting: 0 },
    ],
    unmatchedTotal: n(3),
    escalatedTotal: n(2),
  });
  expect(gapsReport.cells[0].partners.map((p: any) => p.id).sort()).toEqual([city.first.id, city.second.id].sort());
});

it('partnerLoadReport: every partner for tier-1, its own only for a partner', async () => {
  const LOAD = `query L($filter: ReportFilter!) { partnerLoadReport(filter: $filter) { partners { organizationId offers accepted declined expired completed openNow
    answerMedianHours answerMedianBusinessDays } } }`;
  const all = (await data(as.tier1, LOAD, { filter: filter() })).partnerLoadReport.partners;
  expect(all.find((p: any) => p.organizationId === city.elsewhere.id)).toEqual({
    organizationId: city.elsewhere.id,
    offers: 3,
    accepted: 0,
    declined: 3,
    expired: 0,
    completed: 0,
    openNow: 0,
    answerMedianHours: 72,
    answerMedianBusinessDays: 1,
  });
  const own = (await data(as.first, LOAD, { filter: filter() })).partnerLoadReport.partners;
  // Held now: December's open offer and January's (any period).
  expect(own).toEqual([
    {
      organizationId: city.first.id,
      offers: 2,
      accepted: 1,
      declined: 0,
      expired: 0,
      completed: 1,
      openNow: 2,
      answerMedianHours: 10.5,
      answerMedianBusinessDays: 1,
    },
  ]);
});

it('monthlyReport: the month titled in 和暦, its reports suppressed together', async () => {
  const { monthlyReport } = await data(
    as.tier2,
    `query M { monthlyReport(month: "2025-12") { month title period { from to } needs { byArea { area { code } count ${C} } }
      outcomes { escalated ${C} } gaps { escalatedTotal ${C} } policyTrack { issuesByStatus { status } } } }`,
  );
  expect(monthlyReport).toMatchObject({ month: '2025-12', title: '令和7年12月分', period: { from: '2025-12-01', to: '2025-12-31' } });
  expect(monthlyReport.needs.byArea.find((row: any) => row.area.code === city.areaCode).count).toEqual(n(1));
  expect(monthlyReport.outcomes.escalated.suppressed).toBe(true);
  expect(monthlyReport.gaps.escalatedTotal.suppressed).toBe(true);
});

it('refuses a bad period, an unknown area and a bad month, naming the field', async () => {
  const codes = async (query: string, variables: Record<string, unknown>) =>
    ((await as.tier1.send(query, variables)).errors ?? []).map((e: any) => [e.extensions?.code, e.extensions?.fields]);
  const Q = `query N($filter: ReportFilter!) { needsReport(filter: $filter) { total { display } } }`;
  expect(await codes(Q, { filter: { from: '2025-02-30', to: '2025-03' } })).toEqual([['BAD_USER_INPUT', ['filter.from']]]);
  expect(await codes(Q, { filter: { from: '2025-12', to: '2025-11' } })).toEqual([['BAD_USER_INPUT', ['filter.to']]]);
  expect(await codes(Q, { filter: { from: '2024-01', to: '2025-12' } })).toEqual([['BAD_USER_INPUT', ['filter.to']]]);
  expect(await codes(Q, { filter: { from: 'last week', to: '2025-12' } })).toEqual([['BAD_USER_INPUT', ['filter.from']]]);
  expect(await codes(Q, { filter: { from: '2025-12', to: '2025-12', areaCodes: ['NO-SUCH-AREA'] } })).toEqual([
    ['BAD_USER_INPUT', ['filter.areaCodes']],
  ]);
  expect(await codes(`query { monthlyReport(month: "2025-13") { title } }`, {})).toEqual([['BAD_USER_INPUT', ['month']]]);
});
