// Reads of the referral read model within a viewer's scope (referral-scope.ts): rows, counts, pages, the latest handoff
// by a person and where each referral stood when it left a partner. No Nest: the db tier runs these on a real PostgreSQL.
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ReferralStatus } from '@tsunagu/domain';
import { ReferralEntity } from '@tsunagu/persistence/entities';
import type { Viewer } from '../common/viewer';
import type { ReferralFilter } from './dto/referrals.args';
import type { LeftState } from './former-partner';
import { urgencySql } from './referral-attention';
import type { UrgencyKey } from './referral-cursors';
import { formerPartnerColumns, referralScope, seenHolderSql, seenStatusSql } from './referral-scope';
import type { LastPersonHandoff } from './repeated-move';

/**
 * What a list of referrals matches, as the service decided it: the filter, the keyed blind-index terms of the ふりがな
 * in `filter.text` when the viewer may search residents' names (null: the text searches the summary only), and the
 * instant "needs me now" is judged at.
 */
export interface ReferralSearch {
  filter: ReferralFilter;
  kanaTerms: string[] | null;
  now: Date;
}

/** A keyset position in the newest-first order: rows strictly older than it (created_at, then id). */
export interface NewestKey {
  createdAt: Date | string;
  id: string;
}

export class ReferralsRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The referral with this id if the viewer may see it, else null. */
  findVisibleById(viewer: Viewer, id: string): Promise<ReferralEntity | null> {
    return this.visibleTo(viewer).andWhere('r.id = :id', { id }).getOne();
  }

  findVisibleByWorkflowId(viewer: Viewer, workflowId: string): Promise<ReferralEntity | null> {
    return this.visibleTo(viewer).andWhere('r.workflow_id = :workflowId', { workflowId }).getOne();
  }

  /** The referrals among these ids that the viewer may see (unknown or hidden ones left out), in no particular order. */
  findVisibleByIds(viewer: Viewer, ids: readonly string[]): Promise<ReferralEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.visibleTo(viewer)
      .andWhere('r.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
  }

  /** The referral's latest handoff made by a person (routing, timers and policy-track entries left out), or null. */
  async lastPersonHandoff(referralId: string): Promise<LastPersonHandoff | null> {
    const [row] = await this.db.query(
      `SELECT kind, actor_id AS "actorId", to_organization_id AS "toOrganizationId", reason, note
         FROM referral_handoff
        WHERE referral_id = $1 AND actor_id IS NOT NULL AND regional_issue_id IS NULL
        ORDER BY seq DESC LIMIT 1`,
      [referralId],
    );
    return row ?? null;
  }

  /** How many visible referrals match the search, its status list included. */
  countMatching(viewer: Viewer, search: ReferralSearch): Promise<number> {
    return this.matching(viewer, search).getCount();
  }

  /** Up to `limit` visible referrals matching the search, newest first (created_at, id), older than `before` if given. */
  newestMatching(viewer: Viewer, search: ReferralSearch, limit: number, before: NewestKey | null): Promise<ReferralEntity[]> {
    const query = this.matching(viewer, search);
    if (before) query.andWhere('(r.created_at, r.id) < (:beforeAt, :beforeId)', { beforeAt: before.createdAt, beforeId: before.id });
    return query.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').take(limit).getMany();
  }

  /**
   * Up to `limit` visible referrals matching the search in urgency order: (urgency, deadline soonest first, none last,
   * newest, id), after the keyset `after` if given; with each row's urgency for the viewer (urgencySql) by id.
   */
  async mostUrgentMatching(
    viewer: Viewer,
    search: ReferralSearch,
    limit: number,
    after: UrgencyKey | null,
  ): Promise<{ rows: ReferralEntity[]; urgencyOf: Map<string, number> }> {
    const query = this.matching(viewer, search);
    const urgency = urgencySql(viewer, 'r', search.now);
    const due = `COALESCE(r.response_due_at, 'infinity'::timestamptz)`;
    query.addSelect(urgency.sql, 'urgency').setParameters(urgency.params);
    if (after) {
      query.andWhere(
        `(${urgency.sql} > :cUrgency OR (${urgency.sql} = :cUrgency AND (${due} > :cDue
           OR (${due} = :cDue AND (r.created_at, r.id) < (:cCreatedAt, :cId)))))`,
        { cUrgency: after.urgency, cDue: after.dueAt ?? 'infinity', cCreatedAt: after.createdAt, cId: after.id },
      );
    }
    const { entities, raw } = await query
      .orderBy('urgency', 'ASC')
      .addOrderBy(due, 'ASC')
      .addOrderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(limit)
      .getRawAndEntities();
    const urgencyOf = new Map(raw.map((row: { r_id: string; urgency: number }) => [row.r_id, Number(row.urgency)]));
    return { rows: entities, urgencyOf };
  }

  /**
   * How many visible referrals of each status (as the viewer sees it) match the search, its status list left out. One
   * query; statuses without referrals are left out.
   */
  async countsByStatus(viewer: Viewer, search: ReferralSearch): Promise<Array<{ status: ReferralStatus; count: number }>> {
    const status = seenStatusSql(viewer, 'r');
    const rows: Array<{ status: ReferralStatus; count: string }> = await this.filtered(viewer, search)
      .select(status.sql, 'status')
      .addSelect('count(*)', 'count')
      .setParameters(status.params)
      .groupBy('1')
      .orderBy('1')
      .getRawMany();
    return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
  }

  /**
   * For a partner: which of these referrals have left its organisation, and where each stood then (formerPartnerColumns),
   * by id. One query for them all; none for any other viewer, whom no referral leaves.
   */
  async leftStates(viewer: Viewer, ids: readonly string[]): Promise<Map<string, LeftState>> {
    const former = formerPartnerColumns(viewer, 'r');
    const left = new Map<string, LeftState>();
    if (!former || !ids.length) return left;
    const found: Array<{ id: string; leftAtSeq: number | null; leftAt: Date; status: LeftState['status'] }> = await this.db
      .createQueryBuilder()
      .from(ReferralEntity, 'r')
      .select('r.id', 'id')
      .addSelect(former.leftAtSeq, 'leftAtSeq')
      .addSelect(former.leftAt, 'leftAt')
      .addSelect(former.status, 'status')
      .where('r.id IN (:...ids)', { ids })
      .setParameters(former.params)
      .getRawMany();
    for (const row of found)
      if (row.leftAtSeq !== null) left.set(row.id, { leftAtSeq: Number(row.leftAtSeq), leftAt: new Date(row.leftAt), status: row.status });
    return left;
  }

  /** The visible referrals matching the search, its status list included (as the viewer sees the status). */
  private matching(viewer: Viewer, search: ReferralSearch): SelectQueryBuilder<ReferralEntity> {
    const query = this.filtered(viewer, search);
    const { filter } = search;
    // Status as the viewer sees it: a partner the referral has left does not find it by its later status.
    if (filter.status?.length) {
      const status = seenStatusSql(viewer, 'r');
      query.andWhere(`${status.sql} IN (:...statuses)`, { ...status.params, statuses: filter.status });
    }
    return query;
  }

  /** The visible referrals matching every filter but the status list (which the lists and countsByStatus treat apart). */
  private filtered(viewer: Viewer, { filter, kanaTerms, now }: ReferralSearch): SelectQueryBuilder<ReferralEntity> {
    const query = this.visibleTo(viewer);
    if (filter.category?.length) query.andWhere('r.category IN (:...categories)', { categories: filter.category });
    if (filter.areaCode?.length) {
      query.andWhere('r.area_id IN (SELECT a.id FROM area a WHERE a.code IN (:...areaCodes))', { areaCodes: filter.areaCode });
    }
    // The holder as the viewer sees it: a partner the referral has left does not find it by its later holder.
    if (filter.organizationId) {
      const holder = seenHolderSql(viewer, 'r');
      query.andWhere(`${holder.sql} = :organizationId`, { ...holder.params, organizationId: filter.organizationId });
    }
    if (filter.text) {
      // The summary by any part of it (a trigram index serves ILIKE); the ふりがな by its keyed blind index, when the
      // service gave its terms (only for those who see residents' names).
      const summary = `r.summary ILIKE :textPattern ESCAPE '\\'`;
      if (kanaTerms) {
        query.andWhere(`(${summary} OR r.subject_name_kana_index && :kanaTerms::text[])`, {
          textPattern: likePattern(filter.text),
          kanaTerms,
        });
      } else {
        query.andWhere(summary, { textPattern: likePattern(filter.text) });
      }
    }
    if (filter.submittedFrom) query.andWhere('r.created_at >= :submittedFrom', { submittedFrom: jstDayStart(filter.submittedFrom) });
    if (filter.submittedTo) query.andWhere('r.created_at < :submittedBefore', { submittedBefore: jstDayStart(filter.submittedTo, 1) });
    if (filter.needsAttention) {
      const urgency = urgencySql(viewer, 'r', now);
      query.andWhere(`${urgency.sql} < 9`, urgency.params);
    }
    return query;
  }

  private visibleTo(viewer: Viewer): SelectQueryBuilder<ReferralEntity> {
    const scope = referralScope(viewer, 'r');
    return this.db.getRepository(ReferralEntity).createQueryBuilder('r').where(scope.sql, scope.params);
  }
}

/** A LIKE pattern matching the text anywhere, its own % _ and \ taken literally. */
function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Midnight in Japan starting the day YYYY-MM-DD, plus `days` days. */
function jstDayStart(day: string, days = 0): Date {
  const start = new Date(`${day}T00:00:00+09:00`);
  return new Date(start.getTime() + days * 24 * 60 * 60 * 1000);
}
