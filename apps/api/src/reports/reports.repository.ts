import type { DataSource } from 'typeorm';
import { Destination, NeedCategory, PARTNER_ORGANIZATION_KINDS, SubjectKind } from '@tsunagu/domain';
import { namedQuery } from '../policy/shared/named-query';
import type { SqlScope } from '../referrals/referral-scope';

// Every SQL statement of the reports (docs/REPORTS.md): raw rows, grouped by area at least, so that the service can tell
// which figures count needs of which areas. No Nest here: the db tier runs these against a real PostgreSQL.
// The cohort's figures read the summary row per referral (referral_report_row, aliased `r`: its id, area, submitter,
// holder, status and created_at are the referral's, so the referral scopes apply to it); only the partner load's
// per-offer times and what a partner holds now read the live tables.

/** The needs a report counts: submitted in [start, end), matching the filters, within the viewer's scope on `r` (a referral or its report row). */
export interface Cohort {
  start: Date;
  end: Date;
  areaIds: string[] | null;
  categories: NeedCategory[] | null;
  subjectKind: SubjectKind | null;
  destination: Destination | null;
  scope: SqlScope;
}

export interface AreaRow {
  id: string;
  code: string;
  name: string;
}

/** The handoffs by which an offered organisation's offer ends (from_organization_id is that organisation). */
const OFFER_ENDINGS = `'ACCEPTED', 'DECLINED', 'EXPIRED', 'REASSIGNED', 'ESCALATED', 'WITHDRAWN'`;
const PARTNER_KINDS = PARTNER_ORGANIZATION_KINDS.map((kind) => `'${kind}'`).join(', ');

function cohortWhere(c: Cohort): { sql: string; params: Record<string, unknown> } {
  const conditions = ['r.created_at >= :start', 'r.created_at < :end', `(${c.scope.sql})`];
  const params: Record<string, unknown> = { ...c.scope.params, start: c.start, end: c.end };
  if (c.areaIds) {
    conditions.push('r.area_id IN (:...areaIds)');
    params.areaIds = c.areaIds.length ? c.areaIds : ['00000000-0000-0000-0000-000000000000'];
  }
  if (c.categories?.length) {
    conditions.push('r.category IN (:...categories)');
    params.categories = c.categories;
  }
  if (c.subjectKind) {
    conditions.push('r.subject_kind = :subjectKind');
    params.subjectKind = c.subjectKind;
  }
  if (c.destination) {
    conditions.push('r.destination = :destination');
    params.destination = c.destination;
  }
  return { sql: conditions.join(' AND '), params };
}

/** The offers of the cohort and how each ended: the first later handoff from the organisation offered it. */
function offersWithEnding(c: Cohort): { sql: string; params: Record<string, unknown> } {
  const where = cohortWhere(c);
  return {
    sql: `SELECT r.area_id, o.to_organization_id, o.at AS offered_at, e.kind AS ending, e.reason, e.at AS ended_at
            FROM referral r
            JOIN referral_handoff o ON o.referral_id = r.id AND o.kind = 'OFFERED'
            LEFT JOIN LATERAL (
              SELECT h.kind, h.reason, h.at FROM referral_handoff h
               WHERE h.referral_id = o.referral_id AND h.seq > o.seq AND h.from_organization_id = o.to_organization_id
                 AND h.kind IN (${OFFER_ENDINGS})
               ORDER BY h.seq LIMIT 1) e ON true
           WHERE ${where.sql}`,
    params: where.params,
  };
}

export class ReportsRepository {
  constructor(private readonly db: DataSource) {}

  /** Areas by code (all when `codes` is null), in their sort order. */
  areas(codes: string[] | null): Promise<AreaRow[]> {
    const where = codes ? 'WHERE a.code IN (:...codes)' : '';
    return namedQuery<AreaRow>(this.db, `SELECT a.id, a.code, a.name FROM area a ${where} ORDER BY a.sort_order, a.code`, {
      codes: codes?.length ? codes : [''],
    });
  }

  async needs(c: Cohort): Promise<{ areaId: string; category: NeedCategory; month: string; subjectKind: SubjectKind; n: number }[]> {
    const where = cohortWhere(c);
    const rows = await namedQuery<{ area_id: string; category: NeedCategory; month: string; subject_kind: SubjectKind; n: string }>(
      this.db,
      `SELECT r.area_id, r.category, r.month, r.subject_kind, count(*) AS n
         FROM referral_report_row r WHERE ${where.sql} GROUP BY 1, 2, 3, 4`,
      where.params,
    );
    return rows.map((row) => ({ areaId: row.area_id, category: row.category, month: row.month, subjectKind: row.subject_kind, n: Number(row.n) }));
  }

  /** By area, category, status and outcome, with how many were ever escalated and are linked to an issue now. */
  async outcomes(
    c: Cohort,
  ): Promise<{ areaId: string; category: NeedCategory; status: string; outcome: string | null; n: number; escalated: number; linked: number }[]> {
    const where = cohortWhere(c);
    const rows = await namedQuery<Record<string, string | null>>(
      this.db,
      `SELECT r.area_id, r.category, r.status, r.outcome, count(*) AS n,
              count(*) FILTER (WHERE r.ever_escalated) AS escalated,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM regional_issue_referral l WHERE l.referral_id = r.id)) AS linked
         FROM referral_report_row r WHERE ${where.sql} GROUP BY 1, 2, 3, 4`,
      where.params,
    );
    return rows.map((row) => ({
      areaId: row.area_id!,
      category: row.category as NeedCategory,
      status: row.status!,
      outcome: row.outcome,
      n: Number(row.n),
      escalated: Number(row.escalated),
      linked: Number(row.linked),
    }));
  }

  /** One row per cohort need: its submission and the first answer, acceptance and completion, if any (the spans answerTimes summarises). */
  async answerSpans(
    c: Cohort,
  ): Promise<{ areaId: string; submittedAt: Date; firstAnswerAt: Date | null; acceptedAt: Date | null; completedAt: Date | null }[]> {
    const where = cohortWhere(c);
    const rows = await namedQuery<{
      area_id: string;
      created_at: Date;
      first_answer_at: Date | null;
      accepted_at: Date | null;
      completed_at: Date | null;
    }>(
      this.db,
      `SELECT r.area_id, r.created_at, r.first_answer_at, r.accepted_at, r.completed_at FROM referral_report_row r WHERE ${where.sql}`,
      where.params,
    );
    return rows.map((row) => ({
      areaId: row.area_id,
      submittedAt: row.created_at,
      firstAnswerAt: row.first_answer_at,
      acceptedAt: row.accepted_at,
      completedAt: row.completed_at,
    }));
  }

  /**
   * For each measure (FIRST_ANSWER, ACCEPTANCE, COMPLETION), by area and city-wide (areaId null): how many cohort needs
   * got there, and the median and 90th percentile (percentile_cont) of the time from submission in hours and in the
   * business days the report row holds.
   */
  async answerTimes(c: Cohort): Promise<
    {
      areaId: string | null;
      measure: string;
      n: number;
      medianHours: number | null;
      p90Hours: number | null;
      medianBusinessDays: number | null;
      p90BusinessDays: number | null;
    }[]
  > {
    const where = cohortWhere(c);
    const measures = [
      ['FIRST_ANSWER', 'first_answer'],
      ['ACCEPTANCE', 'acceptance'],
      ['COMPLETION', 'completion'],
    ] as const;
    // percentile_cont ignores nulls: each measure counts the needs that got there.
    const columns = measures.map(
      ([, m]) => `count(r.${m}_hours) AS ${m}_n,
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY r.${m}_hours) AS ${m}_hours,
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY r.${m}_business_days) AS ${m}_business_days`,
    );
    const rows = await namedQuery<Record<string, string | number[] | null>>(
      this.db,
      `SELECT r.area_id, ${columns.join(',\n              ')}
         FROM referral_report_row r WHERE ${where.sql}
        GROUP BY GROUPING SETS ((r.area_id), ())`,
      where.params,
    );
    return rows.flatMap((row) =>
      measures.map(([measure, m]) => {
        const [medianHours, p90Hours] = (row[`${m}_hours`] as number[] | null) ?? [null, null];
        const [medianBusinessDays, p90BusinessDays] = (row[`${m}_business_days`] as number[] | null) ?? [null, null];
        return {
          areaId: row.area_id as string | null,
          measure,
          n: Number(row[`${m}_n`]),
          medianHours,
          p90Hours,
          medianBusinessDays,
          p90BusinessDays,
        };
      }),
    );
  }

  /** The cohort's offers by area and ending (ACCEPTED, DECLINED with its reason, EXPIRED, OTHER, OPEN). */
  async offerEndings(c: Cohort): Promise<{ areaId: string; ending: string; reason: string | null; n: number }[]> {
    const where = cohortWhere(c);
    const rows = await namedQuery<{ area_id: string; ending: string; reason: string | null; n: string }>(
      this.db,
      `SELECT r.area_id, e.ending, e.reason, sum(e.n) AS n
         FROM referral_report_row r
         CROSS JOIN LATERAL (
           VALUES ('ACCEPTED', NULL::text, r.offers_accepted), ('EXPIRED', NULL, r.offers_expired), ('OTHER', NULL, r.offers_other),
                  ('OPEN', NULL, r.offers_open)
           UNION ALL SELECT 'DECLINED', d.reason, 1 FROM unnest(r.declined_reasons) AS d(reason)) AS e(ending, reason, n)
        WHERE ${where.sql} AND e.n > 0 GROUP BY 1, 2, 3`,
      where.params,
    );
    return rows.map((row) => ({ areaId: row.area_id, ending: row.ending, reason: row.reason, n: Number(row.n) }));
  }

  /** For cohort needs a partner accepted: how many other organisations were offered it before, capped at 3, by area. */
  async triedBeforeAcceptance(c: Cohort): Promise<{ areaId: string; tried: number; n: number }[]> {
    const where = cohortWhere(c);
    const rows = await namedQuery<{ area_id: string; tried: number; n: string }>(
      this.db,
      `SELECT r.area_id, LEAST(3, r.tried_before_acceptance) AS tried, count(*) AS n
         FROM referral_report_row r WHERE ${where.sql} AND r.tried_before_acceptance IS NOT NULL
        GROUP BY 1, 2`,
      where.params,
    );
    return rows.map((row) => ({ areaId: row.area_id, tried: Number(row.tried), n: Number(row.n) }));
  }

  /** Cohort needs ever UNMATCHED and ever ESCALATED, by area and category. */
  async gaps(c: Cohort): Promise<{ areaId: string; category: NeedCategory; unmatched: number; escalated: number }[]> {
    const where = cohortWhere(c);
    const rows = await namedQuery<{ area_id: string; category: NeedCategory; unmatched: string; escalated: string }>(
      this.db,
      `SELECT r.area_id, r.category,
              count(*) FILTER (WHERE r.ever_unmatched) AS unmatched, count(*) FILTER (WHERE r.ever_escalated) AS escalated
         FROM referral_report_row r WHERE ${where.sql} GROUP BY 1, 2`,
      where.params,
    );
    return rows.map((row) => ({ areaId: row.area_id, category: row.category, unmatched: Number(row.unmatched), escalated: Number(row.escalated) }));
  }

  /** Partner organisations serving each of the areas and taking each category, as the directory is now. */
  async resources(areaIds: string[]): Promise<{ areaId: string; category: NeedCategory; id: string; name: string; acceptingReferrals: boolean }[]> {
    if (!areaIds.length) return [];
    const rows = await namedQuery<{ area_id: string; category: NeedCategory; id: string; name: string; accepting_referrals: boolean }>(
      this.db,
      `SELECT oa.area_id, c.category, o.id, o.name, o.accepting_referrals
         FROM organization o
         JOIN organization_area oa ON oa.organization_id = o.id
         CROSS JOIN LATERAL unnest(o.categories) AS c(category)
        WHERE o.kind IN (${PARTNER_KINDS}) AND oa.area_id IN (:...areaIds)
        ORDER BY o.name, o.id`,
      { areaIds },
    );
    return rows.map((row) => ({
      areaId: row.area_id,
      category: row.category,
      id: row.id,
      name: row.name,
      acceptingReferrals: row.accepting_referrals,
    }));
  }

  /** Every offer of the cohort to a partner organisation (one, when `organizationId`), with its ending. */
  async partnerOffers(
    c: Cohort,
    organizationId: string | null,
  ): Promise<{ organizationId: string; offeredAt: Date; ending: string | null; endedAt: Date | null }[]> {
    const offers = offersWithEnding(c);
    const rows = await namedQuery<{ to_organization_id: string; offered_at: Date; ending: string | null; ended_at: Date | null }>(
      this.db,
      `SELECT to_organization_id, offered_at, ending, ended_at FROM (${offers.sql}) x ${organizationId ? 'WHERE to_organization_id = :organizationId' : ''}`,
      { ...offers.params, organizationId },
    );
    return rows.map((row) => ({ organizationId: row.to_organization_id, offeredAt: row.offered_at, ending: row.ending, endedAt: row.ended_at }));
  }

  /** Partner organisations (one, when `organizationId`) with the cohort's needs each completed and what each holds now. */
  async partners(c: Cohort, organizationId: string | null): Promise<{ id: string; name: string; completed: number; openNow: number }[]> {
    const where = cohortWhere(c);
    const rows = await namedQuery<{ id: string; name: string; completed: string; open_now: string }>(
      this.db,
      `SELECT o.id, o.name,
              (SELECT count(*) FROM referral_report_row r WHERE r.current_organization_id = o.id AND r.status = 'COMPLETED' AND ${where.sql}) AS completed,
              (SELECT count(*) FROM referral r WHERE r.current_organization_id = o.id AND r.status IN ('OFFERED', 'ACCEPTED', 'IN_PROGRESS')) AS open_now
         FROM organization o
        WHERE o.kind IN (${PARTNER_KINDS}) ${organizationId ? 'AND o.id = :organizationId' : ''}
        ORDER BY o.name, o.id`,
      { ...where.params, organizationId },
    );
    return rows.map((row) => ({ id: row.id, name: row.name, completed: Number(row.completed), openNow: Number(row.open_now) }));
  }

  /**
   * The policy track in [start, end) for the issues `issues` (a condition on regional_issue `i`) of the areas (any
   * area when null). `today` is the JST day overdue actions are counted against.
   */
  async policyTrack(
    start: Date,
    end: Date,
    areaIds: string[] | null,
    issues: SqlScope,
    today: string,
  ): Promise<{
    issues: { id: string; title: string; status: string; createdAt: Date; needs: number }[];
    proposalsSubmitted: number;
    decisions: { decision: string; n: number }[];
    actionsDone: number;
    actionsOverdue: number;
  }> {
    const areaCondition = areaIds ? 'AND EXISTS (SELECT 1 FROM regional_issue_area ia WHERE ia.issue_id = i.id AND ia.area_id IN (:...areaIds))' : '';
    const params = { ...issues.params, start, end, today, areaIds: areaIds?.length ? areaIds : ['00000000-0000-0000-0000-000000000000'] };
    const seen = `FROM regional_issue i WHERE (${issues.sql}) ${areaCondition}`;
    const [issueRows, [submitted], decisions, [actions]] = await Promise.all([
      namedQuery<{ id: string; title: string; status: string; created_at: Date; needs: string }>(
        this.db,
        `SELECT i.id, i.title, i.status, i.created_at,
                (SELECT count(*) FROM regional_issue_referral l WHERE l.issue_id = i.id) AS needs
           ${seen} AND i.created_at < :end
            AND (i.created_at >= :start OR i.status NOT IN ('IMPLEMENTED', 'CLOSED') OR i.updated_at >= :end)
          ORDER BY i.created_at, i.id`,
        params,
      ),
      namedQuery<{ n: string }>(
        this.db,
        `SELECT count(*) AS n FROM policy_proposal p WHERE p.submitted_at >= :start AND p.submitted_at < :end AND p.issue_id IN (SELECT i.id ${seen})`,
        params,
      ),
      namedQuery<{ decision: string; n: string }>(
        this.db,
        `SELECT a.decision, count(*) AS n FROM agenda_item a JOIN policy_proposal p ON p.id = a.proposal_id
          WHERE a.decided_at >= :start AND a.decided_at < :end AND p.issue_id IN (SELECT i.id ${seen}) GROUP BY 1`,
        params,
      ),
      namedQuery<{ done: string; overdue: string }>(
        this.db,
        `SELECT count(*) FILTER (WHERE f.done_at >= :start AND f.done_at < :end) AS done,
                count(*) FILTER (WHERE f.done_at IS NULL AND f.due_on < :today::date) AS overdue
           FROM follow_up_action f JOIN policy_proposal p ON p.id = f.proposal_id
          WHERE p.issue_id IN (SELECT i.id ${seen})`,
        params,
      ),
    ]);
    return {
      issues: issueRows.map((row) => ({ id: row.id, title: row.title, status: row.status, createdAt: row.created_at, needs: Number(row.needs) })),
      proposalsSubmitted: Number(submitted.n),
      decisions: decisions.map((row) => ({ decision: row.decision, n: Number(row.n) })),
      actionsDone: Number(actions.done),
      actionsOverdue: Number(actions.overdue),
    };
  }
}
