import { Inject, Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { DataKeyring } from '@tsunagu/crypto';
import { blindIndexQueryTerms } from '@tsunagu/crypto';
import { normaliseKana, ReferralStatus, Role } from '@tsunagu/domain';
import { NAME_KANA_INDEX_PURPOSE, openReferralPersonalData, REFERRAL_SEALED_COLUMNS, ReferralEntity } from '@tsunagu/persistence';
import type { Viewer } from '../common/viewer';
import { notFound } from '../common/graphql-errors';
import type { Page } from '../common/pagination/connection';
import { decodeCreatedAtCursor } from '../common/pagination/created-at-cursor';
import { ReferralFilter, ReferralOrder } from './dto/referrals.args';
import { decodeUrgencyCursor } from './referral-cursors';
import { urgencySql } from './referral-attention';
import { LeftState, SeenReferral, seenAsLeft } from './former-partner';
import { formerPartnerColumns, referralScope, seenHolderSql, seenStatusSql } from './referral-scope';
import type { LastPersonHandoff } from './repeated-move';

export { referralScope, type SqlScope } from './referral-scope';

export type ReferralPage = Page<SeenReferral>;

/** A row of a page read in urgency order: with its urgency, for its cursor. */
export type UrgentRow = SeenReferral & { urgency: number };

/**
 * Reads of the referral read model, always scoped to what the viewer may see. A referral outside that scope does not
 * exist for them: NOT_FOUND, the same answer as for an id that was never used. Every row comes out as the viewer sees
 * it: for a partner the referral has left, as it was when it left (former-partner.ts), and filters match that.
 */
@Injectable()
export class ReferralQueryService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(DataKeyring) private readonly dataKeys: DataKeyring,
  ) {}

  async findVisible(viewer: Viewer, id: string): Promise<SeenReferral> {
    const row = await this.visibleTo(viewer).andWhere('r.id = :id', { id }).getOne();
    if (!row) throw notFound();
    return (await this.seen(viewer, [row]))[0];
  }

  /**
   * The referral's latest handoff made by a person (routing, timers and policy-track entries left out), for telling a
   * repeated move from a new one (repeated-move.ts). Call only for a referral the viewer sees.
   */
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

  async findByWorkflowId(viewer: Viewer, workflowId: string): Promise<SeenReferral | null> {
    const row = await this.visibleTo(viewer).andWhere('r.workflow_id = :workflowId', { workflowId }).getOne();
    return row && (await this.seen(viewer, [row]))[0];
  }

  async page(
    viewer: Viewer,
    filter: ReferralFilter | null | undefined,
    first: number,
    after?: string,
    orderBy: ReferralOrder = ReferralOrder.NEWEST,
    now: Date = new Date(),
  ): Promise<ReferralPage> {
    const query = this.matching(viewer, filter ?? {}, now); // `filter: null` is valid GraphQL: no filter
    const totalCount = await query.clone().getCount();
    if (orderBy === ReferralOrder.URGENCY) return this.urgentPage(viewer, query, first, after, totalCount, now);
    if (after) {
      const cursor = decodeCreatedAtCursor(after);
      query.andWhere('(r.created_at, r.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.createdAt, cursorId: cursor.id });
    }
    const rows = await query
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(first + 1)
      .getMany();
    return { rows: await this.seen(viewer, rows.slice(0, first)), totalCount, hasNextPage: rows.length > first };
  }

  /**
   * How many referrals of each status (as the viewer sees it) match the filter, its status list left out: the counts a
   * home screen shows beside its tabs. One query; statuses without referrals are left out.
   */
  async countsByStatus(
    viewer: Viewer,
    filter: ReferralFilter | null | undefined,
    now: Date = new Date(),
  ): Promise<Array<{ status: ReferralStatus; count: number }>> {
    const status = seenStatusSql(viewer, 'r');
    const rows: Array<{ status: ReferralStatus; count: string }> = await this.filtered(viewer, filter ?? {}, now)
      .select(status.sql, 'status')
      .addSelect('count(*)', 'count')
      .setParameters(status.params)
      .groupBy('1')
      .orderBy('1')
      .getRawMany();
    return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
  }

  /**
   * Every visible referral matching the filter, newest first, as the viewer sees it (as `page` gives them), read
   * `batchSize` at a time by a keyset on (created_at, id): what an export streams, without counting and without
   * holding more than two batches. The next batch is read while the caller works through the current one. Without
   * `personalData` the encrypted columns are not opened at all: they come out null.
   */
  async *allMatching(
    viewer: Viewer,
    filter: ReferralFilter,
    { batchSize = 1000, personalData = true, now = new Date() }: { batchSize?: number; personalData?: boolean; now?: Date } = {},
  ): AsyncGenerator<SeenReferral> {
    const read = (after: ReferralEntity | null) => {
      const query = this.matching(viewer, filter, now);
      if (after) query.andWhere('(r.created_at, r.id) < (:afterAt, :afterId)', { afterAt: after.createdAt, afterId: after.id });
      return query.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').take(batchSize).getMany();
    };
    let next: Promise<ReferralEntity[]> | null = read(null);
    while (next) {
      const rows: ReferralEntity[] = await next;
      next = rows.length === batchSize ? read(rows[rows.length - 1]) : null;
      // Started before the rows below are handled: an unhandled rejection must wait for its turn, not crash.
      next?.catch(() => undefined);
      if (!personalData) for (const row of rows) withoutPersonalData(row);
      yield* await this.seen(viewer, rows);
    }
  }

  /** The visible referrals matching the filter, its status list included (as the viewer sees the status). */
  private matching(viewer: Viewer, filter: ReferralFilter, now: Date): SelectQueryBuilder<ReferralEntity> {
    const query = this.filtered(viewer, filter, now);
    // Status as the viewer sees it: a partner the referral has left does not find it by its later status.
    if (filter.status?.length) {
      const status = seenStatusSql(viewer, 'r');
      query.andWhere(`${status.sql} IN (:...statuses)`, { ...status.params, statuses: filter.status });
    }
    return query;
  }

  /** The visible referrals matching every filter but the status list (which page and countsByStatus treat apart). */
  private filtered(viewer: Viewer, filter: ReferralFilter, now: Date): SelectQueryBuilder<ReferralEntity> {
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
      // The summary by any part of it (a trigram index serves ILIKE); the ふりがな by its keyed blind index, only for
      // those who see residents' names (coordinators): a partner must not learn who a referral is about by searching.
      const summary = `r.summary ILIKE :textPattern ESCAPE '\\'`;
      const kana = normaliseKana(filter.text);
      const seesNames = viewer.role === Role.TIER1_COORDINATOR || viewer.role === Role.TIER2_COORDINATOR;
      if (kana && seesNames) {
        const terms = blindIndexQueryTerms(this.dataKeys, NAME_KANA_INDEX_PURPOSE, kana.replace(/ /g, ''));
        query.andWhere(`(${summary} OR r.subject_name_kana_index && :kanaTerms::text[])`, {
          textPattern: likePattern(filter.text),
          kanaTerms: terms,
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

  /** A page in urgency order: (urgency, deadline soonest first, none last, newest, id), with a keyset cursor on them. */
  private async urgentPage(
    viewer: Viewer,
    query: SelectQueryBuilder<ReferralEntity>,
    first: number,
    after: string | undefined,
    totalCount: number,
    now: Date,
  ): Promise<ReferralPage> {
    const urgency = urgencySql(viewer, 'r', now);
    const due = `COALESCE(r.response_due_at, 'infinity'::timestamptz)`;
    query.addSelect(urgency.sql, 'urgency').setParameters(urgency.params);
    if (after) {
      const c = decodeUrgencyCursor(after);
      query.andWhere(
        `(${urgency.sql} > :cUrgency OR (${urgency.sql} = :cUrgency AND (${due} > :cDue
           OR (${due} = :cDue AND (r.created_at, r.id) < (:cCreatedAt, :cId)))))`,
        { cUrgency: c.urgency, cDue: c.dueAt ?? 'infinity', cCreatedAt: c.createdAt, cId: c.id },
      );
    }
    const { entities, raw } = await query
      .orderBy('urgency', 'ASC')
      .addOrderBy(due, 'ASC')
      .addOrderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(first + 1)
      .getRawAndEntities();
    const urgencyOf = new Map(raw.map((row: { r_id: string; urgency: number }) => [row.r_id, Number(row.urgency)]));
    const rows = await this.seen(viewer, entities.slice(0, first));
    return {
      rows: rows.map((row) => Object.assign(row, { urgency: urgencyOf.get(row.id) ?? 9 })),
      totalCount,
      hasNextPage: entities.length > first,
    };
  }

  /**
   * The rows opened, as the viewer sees them. For a partner, one query for the whole page finds the referrals that have
   * left its organisation and where each stood then; everyone else sees the rows as they are.
   */
  private async seen(viewer: Viewer, rows: ReferralEntity[]): Promise<SeenReferral[]> {
    const former = formerPartnerColumns(viewer, 'r');
    const left = new Map<string, LeftState>();
    // A referral offered to or held by the viewer's organisation now has not left it: a partner's own answers (the
    // common case, docs/BENCHMARKS.md) cost no extra query.
    const maybeLeft = rows.filter((row) => row.currentOrganizationId === null || row.currentOrganizationId !== viewer.organizationId);
    if (former && maybeLeft.length) {
      const found: Array<{ id: string; leftAtSeq: number | null; leftAt: Date; status: LeftState['status'] }> = await this.db
        .createQueryBuilder()
        .from(ReferralEntity, 'r')
        .select('r.id', 'id')
        .addSelect(former.leftAtSeq, 'leftAtSeq')
        .addSelect(former.leftAt, 'leftAt')
        .addSelect(former.status, 'status')
        .where('r.id IN (:...ids)', { ids: maybeLeft.map((row) => row.id) })
        .setParameters(former.params)
        .getRawMany();
      for (const row of found)
        if (row.leftAtSeq !== null) left.set(row.id, { leftAtSeq: Number(row.leftAtSeq), leftAt: new Date(row.leftAt), status: row.status });
    }
    return rows.map((row) => seenAsLeft(this.opened(row), left.get(row.id)));
  }

  /**
   * The row with its personal data decrypted (stored encrypted per row and column: libs/persistence/src/crypto). Every
   * row leaves this service this way, so the mapper and the access policy see clear values; what a viewer gets of them
   * is the mapper's decision. A value that does not decrypt (key missing from TSUNAGU_DATA_KEYS, tampered) is an
   * internal error naming the key and the row, never the value.
   */
  private opened(row: ReferralEntity): ReferralEntity {
    return openReferralPersonalData(this.dataKeys, row);
  }

  /** Referral rows the viewer may see among these ids (unknown or hidden ones left out), in the order of the ids. */
  async visibleAmong(viewer: Viewer, ids: readonly string[]): Promise<SeenReferral[]> {
    if (!ids.length) return [];
    const rows = await this.visibleTo(viewer)
      .andWhere('r.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
    const found = new Map((await this.seen(viewer, rows)).map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = found.get(id);
      return row ? [row] : [];
    });
  }

  private visibleTo(viewer: Viewer): SelectQueryBuilder<ReferralEntity> {
    const scope = referralScope(viewer, 'r');
    return this.db.getRepository(ReferralEntity).createQueryBuilder('r').where(scope.sql, scope.params);
  }
}

/** The row with its encrypted columns emptied, for a read that must not open them. */
function withoutPersonalData(row: ReferralEntity): void {
  for (const property of Object.values(REFERRAL_SEALED_COLUMNS)) row[property] = null;
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
