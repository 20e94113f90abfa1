// The answer times as PostgreSQL computes them from the report rows (db tier) against the same figures computed in
// Node from each need's spans (durationFigures, businessDaysBetween): equal, city-wide and by area.
import { randomUUID } from 'node:crypto';
import { NeedCategory, SubjectKind } from '@tsunagu/domain';
import { openTestDatabase, TestDatabase } from '@tsunagu/testing/db';
import { durationFigures, round2 } from './durations';
import { reportPeriod, ReportPeriod } from './report-period';
import { ReportsRepository } from './reports.repository';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.close());

/** A need submitted at `at` with its first answer (a decline), acceptance and completion `hours` later, if given. */
async function need(area: string, at: Date, declineAfter: number | null, acceptAfter: number | null, completeAfter: number | null): Promise<void> {
  const id = randomUUID();
  const later = (h: number) => new Date(at.getTime() + h * 3_600_000);
  const steps: [string, Date][] = [['SUBMITTED', at]];
  if (declineAfter !== null) steps.push(['DECLINED', later(declineAfter)]);
  if (acceptAfter !== null) steps.push(['ACCEPTED', later(acceptAfter)]);
  if (completeAfter !== null) steps.push(['COMPLETED', later(completeAfter)]);
  await t.db.query(
    `INSERT INTO referral (id, workflow_id, client_request_id, status, category, area_id, summary, subject_kind, destination,
                           submitted_by_id, last_seq, created_at, updated_at)
     VALUES ($1, $2, $3, 'OFFERED', $4, $5, 'answer times', $6, 'PARTNER', $7, $8, $9, $9)`,
    [id, `referral:test:${id}`, `form-${id}`, NeedCategory.TRANSPORT, area, SubjectKind.PERSON, t.city.userId, steps.length, at],
  );
  await t.db.query(
    `INSERT INTO referral_handoff (referral_id, seq, kind, from_organization_id, at)
     SELECT $1, s.seq, s.kind, $4, s.at FROM unnest($2::text[], $3::timestamptz[]) WITH ORDINALITY AS s(kind, at, seq)`,
    [id, steps.map((s) => s[0]), steps.map((s) => s[1]), t.city.firstPartnerId],
  );
}

it('equals durationFigures over the spans of each need, in hours and business days', async () => {
  const { areaId: A, secondAreaId: B } = t.city;
  // Deterministic, uneven times over December 2026 and its year-end closure, some needs unanswered.
  let x = 7;
  const next = (n: number) => (x = (x * 48271) % 2147483647) % n;
  for (let i = 0; i < 60; i++) {
    const at = new Date(Date.UTC(2026, 11, 1) + next(31 * 24 * 60) * 60_000 - 9 * 3_600_000);
    const decline = next(3) === 0 ? null : next(400) / 7;
    const accept = next(4) === 0 ? null : (decline ?? 0) + next(500) / 3;
    const complete = accept === null || next(3) === 0 ? null : accept + next(900) / 11;
    await need(i % 3 === 0 ? B : A, at, decline, accept, complete);
  }
  const period = reportPeriod('2026-12', '2026-12') as ReportPeriod;
  const repo = new ReportsRepository(t.db);
  const cohort = {
    start: period.start,
    end: period.end,
    areaIds: null,
    categories: null,
    subjectKind: null,
    destination: null,
    scope: { sql: 'true', params: {} },
  };
  const spans = await repo.answerSpans(cohort);
  const sql = await repo.answerTimes(cohort);
  expect(spans).toHaveLength(60);
  const ends = { FIRST_ANSWER: 'firstAnswerAt', ACCEPTANCE: 'acceptedAt', COMPLETION: 'completedAt' } as const;
  for (const [measure, key] of Object.entries(ends)) {
    for (const areaId of [null, A, B]) {
      const list = spans.filter((s) => (areaId === null || s.areaId === areaId) && s[key]).map((s) => ({ from: s.submittedAt, to: s[key]! }));
      const row = sql.find((r) => r.measure === measure && r.areaId === areaId)!;
      expect({ measure, areaId, n: row.n }).toEqual({ measure, areaId, n: list.length });
      expect({
        measure,
        areaId,
        medianHours: round2(row.medianHours),
        p90Hours: round2(row.p90Hours),
        medianBusinessDays: round2(row.medianBusinessDays),
        p90BusinessDays: round2(row.p90BusinessDays),
      }).toEqual({ measure, areaId, ...durationFigures(list) });
    }
  }
});
