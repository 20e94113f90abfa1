import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
import { SeenReferral, seenAsLeft } from './former-partner';
import { ReferralSearch, ReferralsRepository } from './referrals.repository';
import type { LastPersonHandoff } from './repeated-move';

export { referralScope, type SqlScope } from './referral-scope';

export type ReferralPage = Page<SeenReferral>;

/** A row of a page read in urgency order: with its urgency, for its cursor. */
export type UrgentRow = SeenReferral & { urgency: number };

/**
 * Reads of the referral read model (its SQL in ReferralsRepository), always scoped to what the viewer may see. A
 * referral outside that scope does not exist for them: NOT_FOUND, the same answer as for an id that was never used.
 * Every row comes out as the viewer sees it: for a partner the referral has left, as it was when it left
 * (former-partner.ts), and filters match that.
 */
@Injectable()
export class ReferralQueryService {
  private readonly repository: ReferralsRepository;

  constructor(
    @Inject(DataSource) db: DataSource,
    @Inject(DataKeyring) private readonly dataKeys: DataKeyring,
  ) {
    this.repository = new ReferralsRepository(db);
  }

  async findVisible(viewer: Viewer, id: string): Promise<SeenReferral> {
    const row = await this.repository.findVisibleById(viewer, id);
    if (!row) throw notFound();
    return (await this.seen(viewer, [row]))[0];
  }

  /**
   * The referral's latest handoff made by a person (routing, timers and policy-track entries left out), for telling a
   * repeated move from a new one (repeated-move.ts). Call only for a referral the viewer sees.
   */
  async lastPersonHandoff(referralId: string): Promise<LastPersonHandoff | null> {
    return this.repository.lastPersonHandoff(referralId);
  }

  async findByWorkflowId(viewer: Viewer, workflowId: string): Promise<SeenReferral | null> {
    const row = await this.repository.findVisibleByWorkflowId(viewer, workflowId);
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
    const search = this.search(viewer, filter ?? {}, now); // `filter: null` is valid GraphQL: no filter
    const totalCount = await this.repository.countMatching(viewer, search);
    if (orderBy === ReferralOrder.URGENCY) return this.urgentPage(viewer, search, first, after, totalCount);
    const rows = await this.repository.newestMatching(viewer, search, first + 1, after ? decodeCreatedAtCursor(after) : null);
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
    return this.repository.countsByStatus(viewer, this.search(viewer, filter ?? {}, now));
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
    const search = this.search(viewer, filter, now);
    const read = (after: ReferralEntity | null) => this.repository.newestMatching(viewer, search, batchSize, after);
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

  /**
   * The filter as the repository matches it. The text searches the summary; for those who see residents' names
   * (coordinators) also the ふりがな, by its keyed blind index: a partner must not learn who a referral is about by
   * searching.
   */
  private search(viewer: Viewer, filter: ReferralFilter, now: Date): ReferralSearch {
    let kanaTerms: string[] | null = null;
    if (filter.text) {
      const kana = normaliseKana(filter.text);
      const seesNames = viewer.role === Role.TIER1_COORDINATOR || viewer.role === Role.TIER2_COORDINATOR;
      if (kana && seesNames) kanaTerms = blindIndexQueryTerms(this.dataKeys, NAME_KANA_INDEX_PURPOSE, kana.replace(/ /g, ''));
    }
    return { filter, kanaTerms, now };
  }

  /** A page in urgency order: (urgency, deadline soonest first, none last, newest, id), with a keyset cursor on them. */
  private async urgentPage(
    viewer: Viewer,
    search: ReferralSearch,
    first: number,
    after: string | undefined,
    totalCount: number,
  ): Promise<ReferralPage> {
    const { rows: entities, urgencyOf } = await this.repository.mostUrgentMatching(
      viewer,
      search,
      first + 1,
      after ? decodeUrgencyCursor(after) : null,
    );
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
    // A referral offered to or held by the viewer's organisation now has not left it: a partner's own answers (the
    // common case, docs/BENCHMARKS.md) cost no extra query.
    const maybeLeft = rows.filter((row) => row.currentOrganizationId === null || row.currentOrganizationId !== viewer.organizationId);
    const left = await this.repository.leftStates(
      viewer,
      maybeLeft.map((row) => row.id),
    );
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
    const rows = await this.repository.findVisibleByIds(viewer, ids);
    const found = new Map((await this.seen(viewer, rows)).map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = found.get(id);
      return row ? [row] : [];
    });
  }
}

/** The row with its encrypted columns emptied, for a read that must not open them. */
function withoutPersonalData(row: ReferralEntity): void {
  for (const property of Object.values(REFERRAL_SEALED_COLUMNS)) row[property] = null;
}
