// The reports' SQL on a real PostgreSQL (db tier): a known set of referrals with known dates and answers, JST month
// boundaries included, and every row each statement returns (docs/REPORTS.md defines what each counts).
import { randomUUID } from 'node:crypto';
import { NeedCategory, SubjectKind } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { referralScope } from '../referrals/referral-scope';
import { Cohort, ReportsRepository } from './reports.repository';
import { reportPeriod, ReportPeriod } from './report-period';

let t: TestDatabase;
let repo: ReportsRepository;
let A: string; // area KAWANISHI
let B: string; // area MEIHO
let P1: string; // NPO, serves A, accepting
let P2: string; // Silver HR centre, serves A and B, not accepting now
const ids: Record<string, string> = {};

interface Step {
  kind: string;
  at: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
}

async function referral(
  name: string,
  r: {
    area: string;
    category: NeedCategory;
    subjectKind?: SubjectKind;
    destination?: string;
    createdAt: string;
    status: string;
    holder?: string | null;
    outcome?: string | null;
  },
  steps: Step[],
): Promise<void> {
  const id = randomUUID();
  ids[name] = id;
  const all: Step[] = [{ kind: 'SUBMITTED', at: r.createdAt, from: t.city.homeOrganizationId }, ...steps];
  await t.db.query(
    `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind, destination,
                           submitted_by_id, current_organization_id, outcome, last_seq, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'report test', $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      id,
      `referral:test:${id}`,
      `form-${id}`,
      r.status,
      r.category,
      r.area,
      r.subjectKind ?? SubjectKind.PERSON,
      r.destination ?? 'PARTNER',
      t.city.userId,
      r.holder ?? null,
      r.outcome ?? null,
      all.length,
      r.createdAt,
      all.at(-1)!.at,
    ],
  );
  for (const [i, step] of all.entries()) {
    await t.db.query(
      `INSERT INTO referral_handoff (referral_id, seq, kind, from_organization_id, to_organization_id, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, i + 1, step.kind, step.from ?? null, step.to ?? null, step.reason ?? null, step.at],
    );
  }
}

beforeAll(async () => {
  t = await openTestDatabase();
  repo = new ReportsRepository(t.db);
  ({ areaId: A, secondAreaId: B, firstPartnerId: P1, secondPartnerId: P2 } = t.city);
  await t.db.query(`INSERT INTO organization_area (organization_id, area_id) VALUES ($1, $3), ($2, $3), ($2, $4)`, [P1, P2, A, B]);
  await t.db.query(`UPDATE organization SET accepting_referrals = false WHERE id = $1`, [P2]);

  // November's last minutes and December's first: one need on each side of the month boundary in JST.
  await referral(
    'r1',
    { area: A, category: NeedCategory.TRANSPORT, createdAt: '2026-11-30T23:30:00+09:00', status: 'COMPLETED', holder: P2, outcome: 'RESOLVED' },
    [
      { kind: 'OFFERED', at: '2026-11-30T23:30:00+09:00', to: P1 },
      { kind: 'DECLINED', at: '2026-12-01T10:00:00+09:00', from: P1, reason: 'NO_CAPACITY' },
      { kind: 'OFFERED', at: '2026-12-01T10:00:00+09:00', to: P2 },
      { kind: 'ACCEPTED', at: '2026-12-02T10:00:00+09:00', from: P2, to: P2 },
      { kind: 'STARTED', at: '2026-12-03T10:00:00+09:00', from: P2, to: P2 },
      { kind: 'COMPLETED', at: '2026-12-04T10:00:00+09:00', from: P2, to: P2, reason: 'RESOLVED' },
    ],
  );
  await referral('r2', { area: A, category: NeedCategory.TRANSPORT, createdAt: '2026-12-01T00:10:00+09:00', status: 'OFFERED', holder: P2 }, [
    { kind: 'OFFERED', at: '2026-12-01T00:10:00+09:00', to: P1 },
    { kind: 'EXPIRED', at: '2026-12-04T17:15:00+09:00', from: P1 },
    { kind: 'OFFERED', at: '2026-12-04T17:15:00+09:00', to: P2 },
  ]);
  await referral(
    'r3',
    { area: B, category: NeedCategory.SHOPPING, subjectKind: SubjectKind.AREA, createdAt: '2026-12-15T09:00:00+09:00', status: 'ESCALATED' },
    [
      { kind: 'OFFERED', at: '2026-12-15T09:00:00+09:00', to: P1 },
      { kind: 'DECLINED', at: '2026-12-16T09:00:00+09:00', from: P1, reason: 'OUT_OF_AREA' },
      { kind: 'UNMATCHED', at: '2026-12-16T09:00:00+09:00' },
      { kind: 'ESCALATED', at: '2026-12-23T17:15:00+09:00' },
    ],
  );
  await referral(
    'r4',
    { area: B, category: NeedCategory.SHOPPING, destination: 'TIER1', createdAt: '2026-12-31T23:59:00+09:00', status: 'ESCALATED' },
    [{ kind: 'ESCALATED', at: '2026-12-31T23:59:00+09:00' }],
  );
  // Outside November–December: January's first instant, October's last second.
  await referral('r5', { area: A, category: NeedCategory.HOME_HELP, createdAt: '2027-01-01T00:00:00+09:00', status: 'WITHDRAWN' }, [
    { kind: 'OFFERED', at: '2027-01-01T00:00:00+09:00', to: P1 },
    { kind: 'WITHDRAWN', at: '2027-01-02T00:00:00+09:00', from: P1 },
  ]);
  await referral('r6', { area: A, category: NeedCategory.TRANSPORT, createdAt: '2026-10-31T23:59:59+09:00', status: 'ACCEPTED', holder: P1 }, [
    { kind: 'OFFERED', at: '2026-10-31T23:59:59+09:00', to: P1 },
    { kind: 'ACCEPTED', at: '2026-11-02T09:00:00+09:00', from: P1, to: P1 },
  ]);
  // A regional issue on r3, created and its proposal submitted in December.
  const issue = randomUUID();
  ids.issue = issue;
  await t.db.query(
    `INSERT INTO regional_issue (id, workflow_id, title, description, category, status, created_by_id, last_seq, created_at, updated_at)
     VALUES ($1, $2, '北部の買い物', '移動販売がない', 'SHOPPING', 'IN_DELIBERATION', $3, 3, '2026-12-20T10:00:00+09:00', '2026-12-21T10:00:00+09:00')`,
    [issue, `regional-issue:test:${issue}`, t.city.userId],
  );
  await t.db.query(`INSERT INTO regional_issue_area (issue_id, area_id) VALUES ($1, $2)`, [issue, B]);
  await t.db.query(
    `INSERT INTO regional_issue_referral (issue_id, referral_id, linked_at, linked_by_id) VALUES ($1, $2, '2026-12-20T10:00:00+09:00', $3)`,
    [issue, ids.r3, t.city.userId],
  );
  await t.db.query(
    `INSERT INTO policy_proposal (id, issue_id, title, body, status, revision, created_by_id, submitted_at, created_at, updated_at)
     VALUES ($1, $2, '移動販売の誘致', '本文', 'SUBMITTED', 1, $3, '2026-12-21T10:00:00+09:00', '2026-12-20T11:00:00+09:00', '2026-12-21T10:00:00+09:00')`,
    [randomUUID(), issue, t.city.userId],
  );
});
afterAll(() => t?.close());

const ALL = { sql: 'true', params: {} };
const period = (from: string, to: string) => reportPeriod(from, to) as ReportPeriod;
function cohort(overrides: Partial<Cohort> = {}, from = '2026-11', to = '2026-12'): Cohort {
  const p = period(from, to);
  return { start: p.start, end: p.end, areaIds: null, categories: null, subjectKind: null, destination: null, scope: ALL, ...overrides };
}
const sortBy = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('needs', () => {
  it('puts each need in the JST month of its submission, and leaves out the period’s neighbours', async () => {
    expect(sortBy(await repo.needs(cohort()))).toEqual(
      sortBy([
        { areaId: A, category: 'TRANSPORT', month: '2026-11', subjectKind: 'PERSON', n: 1 },
        { areaId: A, category: 'TRANSPORT', month: '2026-12', subjectKind: 'PERSON', n: 1 },
        { areaId: B, category: 'SHOPPING', month: '2026-12', subjectKind: 'AREA', n: 1 },
        { areaId: B, category: 'SHOPPING', month: '2026-12', subjectKind: 'PERSON', n: 1 },
      ]),
    );
    expect(await repo.needs(cohort({}, '2027-01-01', '2027-01-01'))).toEqual([
      { areaId: A, category: 'HOME_HELP', month: '2027-01', subjectKind: 'PERSON', n: 1 },
    ]);
    expect(await repo.needs(cohort({}, '2026-10-31', '2026-10-31'))).toEqual([
      { areaId: A, category: 'TRANSPORT', month: '2026-10', subjectKind: 'PERSON', n: 1 },
    ]);
  });

  it('applies each filter and the viewer’s scope', async () => {
    expect((await repo.needs(cohort({ areaIds: [B] }))).map((row) => row.areaId)).toEqual([B, B]);
    expect(await repo.needs(cohort({ areaIds: [] }))).toEqual([]);
    expect((await repo.needs(cohort({ categories: [NeedCategory.TRANSPORT] }))).reduce((n, row) => n + row.n, 0)).toBe(2);
    expect(await repo.needs(cohort({ subjectKind: SubjectKind.AREA }))).toEqual([
      { areaId: B, category: 'SHOPPING', month: '2026-12', subjectKind: 'AREA', n: 1 },
    ]);
    expect(await repo.needs(cohort({ destination: 'TIER1' as never }))).toEqual([
      { areaId: B, category: 'SHOPPING', month: '2026-12', subjectKind: 'PERSON', n: 1 },
    ]);
    // A partner counts the needs ever offered to it: P2 was offered r1 and r2.
    const p2 = referralScope({ id: randomUUID(), email: '', displayName: '', role: 'PARTNER' as never, organizationId: P2, areaId: null }, 'r');
    expect(sortBy(await repo.needs(cohort({ scope: p2 })))).toEqual(
      sortBy([
        { areaId: A, category: 'TRANSPORT', month: '2026-11', subjectKind: 'PERSON', n: 1 },
        { areaId: A, category: 'TRANSPORT', month: '2026-12', subjectKind: 'PERSON', n: 1 },
      ]),
    );
  });
});

it('outcomes: status and outcome now, ever escalated, linked to an issue now', async () => {
  expect(sortBy(await repo.outcomes(cohort()))).toEqual(
    sortBy([
      { areaId: A, category: 'TRANSPORT', status: 'COMPLETED', outcome: 'RESOLVED', n: 1, escalated: 0, linked: 0 },
      { areaId: A, category: 'TRANSPORT', status: 'OFFERED', outcome: null, n: 1, escalated: 0, linked: 0 },
      { areaId: B, category: 'SHOPPING', status: 'ESCALATED', outcome: null, n: 2, escalated: 2, linked: 1 },
    ]),
  );
});

it('answer spans: submission, first answer (ACCEPTED or DECLINED), acceptance, completion', async () => {
  const rows = await repo.answerSpans(cohort());
  const byId = (at: string) => rows.find((row) => row.submittedAt.getTime() === new Date(at).getTime());
  expect(byId('2026-11-30T23:30:00+09:00')).toEqual({
    areaId: A,
    submittedAt: new Date('2026-11-30T23:30:00+09:00'),
    firstAnswerAt: new Date('2026-12-01T10:00:00+09:00'),
    acceptedAt: new Date('2026-12-02T10:00:00+09:00'),
    completedAt: new Date('2026-12-04T10:00:00+09:00'),
  });
  // An expiry is no answer.
  expect(byId('2026-12-01T00:10:00+09:00')).toMatchObject({ firstAnswerAt: null, acceptedAt: null, completedAt: null });
  expect(byId('2026-12-15T09:00:00+09:00')).toMatchObject({ firstAnswerAt: new Date('2026-12-16T09:00:00+09:00'), acceptedAt: null });
  expect(rows).toHaveLength(4);
});

it('offers: each offer’s ending from the organisation offered it, and partners tried before one accepted', async () => {
  expect(sortBy(await repo.offerEndings(cohort()))).toEqual(
    sortBy([
      { areaId: A, ending: 'DECLINED', reason: 'NO_CAPACITY', n: 1 },
      { areaId: A, ending: 'ACCEPTED', reason: null, n: 1 },
      { areaId: A, ending: 'EXPIRED', reason: null, n: 1 },
      { areaId: A, ending: 'OPEN', reason: null, n: 1 },
      { areaId: B, ending: 'DECLINED', reason: 'OUT_OF_AREA', n: 1 },
    ]),
  );
  // Withdrawn while offered is OTHER (January's need).
  expect(await repo.offerEndings(cohort({}, '2027-01', '2027-01'))).toEqual([{ areaId: A, ending: 'OTHER', reason: null, n: 1 }]);
  expect(await repo.triedBeforeAcceptance(cohort())).toEqual([{ areaId: A, tried: 1, n: 1 }]);
  expect(await repo.triedBeforeAcceptance(cohort({}, '2026-10', '2026-10'))).toEqual([{ areaId: A, tried: 0, n: 1 }]);
});

it('gaps: ever UNMATCHED and ever ESCALATED by area and category, beside the directory as it is', async () => {
  expect(sortBy(await repo.gaps(cohort()))).toEqual(
    sortBy([
      { areaId: A, category: 'TRANSPORT', unmatched: 0, escalated: 0 },
      { areaId: B, category: 'SHOPPING', unmatched: 1, escalated: 2 },
    ]),
  );
  expect(sortBy(await repo.resources([A, B]))).toEqual(
    sortBy([
      { areaId: A, category: 'TRANSPORT', id: P1, name: 'NPO法人 つながり移動支援', acceptingReferrals: true },
      { areaId: A, category: 'TRANSPORT', id: P2, name: '川西市シルバー人材センター', acceptingReferrals: false },
      { areaId: B, category: 'TRANSPORT', id: P2, name: '川西市シルバー人材センター', acceptingReferrals: false },
    ]),
  );
});

it('partner load: offers of the period’s needs with their endings, completed, held now', async () => {
  const offers = await repo.partnerOffers(cohort(), null);
  const endings = (org: string) =>
    offers
      .filter((o) => o.organizationId === org)
      .map((o) => o.ending)
      .sort();
  expect(endings(P1)).toEqual(['DECLINED', 'DECLINED', 'EXPIRED']);
  expect(endings(P2)).toEqual(['ACCEPTED', null]);
  expect(offers.find((o) => o.organizationId === P2 && o.ending === 'ACCEPTED')).toEqual({
    organizationId: P2,
    offeredAt: new Date('2026-12-01T10:00:00+09:00'),
    ending: 'ACCEPTED',
    endedAt: new Date('2026-12-02T10:00:00+09:00'),
  });
  expect(await repo.partners(cohort(), null)).toEqual([
    { id: P1, name: 'NPO法人 つながり移動支援', completed: 0, openNow: 1 },
    { id: P2, name: '川西市シルバー人材センター', completed: 1, openNow: 1 },
  ]);
  expect((await repo.partnerOffers(cohort(), P2)).map((o) => o.organizationId)).toEqual([P2, P2]);
  expect(await repo.partners(cohort(), P2)).toEqual([{ id: P2, name: '川西市シルバー人材センター', completed: 1, openNow: 1 }]);
});

it('policy track: issues, proposals submitted, decisions and actions in the period', async () => {
  const p = period('2026-12', '2026-12');
  expect(await repo.policyTrack(p.start, p.end, null, ALL, '2026-12-31')).toEqual({
    issues: [{ id: ids.issue, title: '北部の買い物', status: 'IN_DELIBERATION', createdAt: new Date('2026-12-20T10:00:00+09:00'), needs: 1 }],
    proposalsSubmitted: 1,
    decisions: [],
    actionsDone: 0,
    actionsOverdue: 0,
  });
  expect((await repo.policyTrack(p.start, p.end, [A], ALL, '2026-12-31')).issues).toEqual([]);
  const nov = period('2026-11', '2026-11');
  expect(await repo.policyTrack(nov.start, nov.end, null, ALL, '2026-12-31')).toMatchObject({ issues: [], proposalsSubmitted: 0 });
});
