// The reports' summary row per referral (referral_report_row, docs/ARCHITECTURE.md "Reports read a summary row per
// referral"): what docs/REPORTS.md's figures group and count by, recomputed from the referral row and all its handoffs.
// The SQL function below is the only place that computes a row: the triggers call it for the referrals a statement
// touched, the rebuild for every referral in batches, so the two cannot disagree.

/** The handoffs by which an offered organisation's offer ends (their from_organization_id is that organisation). */
const OFFER_ENDINGS = `'ACCEPTED', 'DECLINED', 'EXPIRED', 'REASSIGNED', 'ESCALATED', 'WITHDRAWN'`;

/** The columns a row holds, in the order the function writes them. */
export const REPORT_ROW_COLUMNS = [
  'id',
  'area_id',
  'category',
  'subject_kind',
  'destination',
  'submitted_by_id',
  'current_organization_id',
  'status',
  'outcome',
  'created_at',
  'month',
  'first_answer_at',
  'accepted_at',
  'completed_at',
  'first_answer_business_days',
  'acceptance_business_days',
  'completion_business_days',
  'first_answer_hours',
  'acceptance_hours',
  'completion_hours',
  'ever_unmatched',
  'ever_escalated',
  'offers',
  'offers_accepted',
  'offers_declined',
  'offers_expired',
  'offers_other',
  'offers_open',
  'declined_reasons',
  'tried_before_acceptance',
] as const;

const jstDate = (instant: string) => `(${instant} AT TIME ZONE 'Asia/Tokyo')::date`;
/** Hours from the submission as JavaScript computes them: exact elapsed time over 3,600 s, rounded once to a double. */
const hours = (instant: string) => `(extract(epoch FROM ${instant} - r.created_at) / 3600)::float8`;

/**
 * refresh_referral_report_rows(ids): upserts the rows of these referrals. Hours are wall-clock; business days are differences of
 * business_calendar_day's running count (libs/domain's calendar), so an answer the same JST day is 0 and one the next
 * business day 1, as businessDaysBetween counts them.
 */
export const REFRESH_REPORT_ROWS_FUNCTION = `
  CREATE OR REPLACE FUNCTION refresh_referral_report_rows(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO referral_report_row (${REPORT_ROW_COLUMNS.join(', ')})
    SELECT r.id, r.area_id, r.category, r.subject_kind, r.destination, r.submitted_by_id, r.current_organization_id,
           r.status, r.outcome, r.created_at, to_char(r.created_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM'),
           h.first_answer_at, h.accepted_at, h.completed_at,
           fa.business_days_through - sub.business_days_through,
           ac.business_days_through - sub.business_days_through,
           co.business_days_through - sub.business_days_through,
           ${hours('h.first_answer_at')}, ${hours('h.accepted_at')}, ${hours('h.completed_at')},
           coalesce(h.ever_unmatched, false), coalesce(h.ever_escalated, false),
           o.offers, o.accepted, o.declined, o.expired, o.other, o.open, o.declined_reasons,
           t.tried
      FROM referral r
      CROSS JOIN LATERAL (
        SELECT min(x.at) FILTER (WHERE x.kind IN ('ACCEPTED', 'DECLINED')) AS first_answer_at,
               min(x.at) FILTER (WHERE x.kind = 'ACCEPTED') AS accepted_at,
               min(x.at) FILTER (WHERE x.kind = 'COMPLETED') AS completed_at,
               bool_or(x.kind = 'UNMATCHED') AS ever_unmatched,
               bool_or(x.kind = 'ESCALATED') AS ever_escalated
          FROM referral_handoff x WHERE x.referral_id = r.id) h
      LEFT JOIN business_calendar_day sub ON sub.day = ${jstDate('r.created_at')}
      LEFT JOIN business_calendar_day fa ON fa.day = ${jstDate('h.first_answer_at')}
      LEFT JOIN business_calendar_day ac ON ac.day = ${jstDate('h.accepted_at')}
      LEFT JOIN business_calendar_day co ON co.day = ${jstDate('h.completed_at')}
      -- Each offer ends with the first later handoff from the organisation offered it; none yet: still open.
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS offers,
               count(*) FILTER (WHERE e.kind = 'ACCEPTED')::int AS accepted,
               count(*) FILTER (WHERE e.kind = 'DECLINED')::int AS declined,
               count(*) FILTER (WHERE e.kind = 'EXPIRED')::int AS expired,
               count(*) FILTER (WHERE e.kind NOT IN ('ACCEPTED', 'DECLINED', 'EXPIRED'))::int AS other,
               count(*) FILTER (WHERE e.kind IS NULL)::int AS open,
               coalesce(array_agg(e.reason ORDER BY o.seq) FILTER (WHERE e.kind = 'DECLINED'), '{}') AS declined_reasons
          FROM referral_handoff o
          LEFT JOIN LATERAL (
            SELECT y.kind, y.reason FROM referral_handoff y
             WHERE y.referral_id = o.referral_id AND y.seq > o.seq AND y.from_organization_id = o.to_organization_id
               AND y.kind IN (${OFFER_ENDINGS})
             ORDER BY y.seq LIMIT 1) e ON true
         WHERE o.referral_id = r.id AND o.kind = 'OFFERED') o
      -- Other organisations offered the need before the first acceptance (null: never accepted).
      LEFT JOIN LATERAL (
        SELECT (SELECT count(DISTINCT p.to_organization_id) FROM referral_handoff p
                 WHERE p.referral_id = r.id AND p.kind = 'OFFERED' AND p.seq < a.seq
                   AND p.to_organization_id IS DISTINCT FROM a.from_organization_id)::int AS tried
          FROM referral_handoff a WHERE a.referral_id = r.id AND a.kind = 'ACCEPTED' ORDER BY a.seq LIMIT 1) t ON true
     WHERE r.id = ANY(ids)
    ON CONFLICT (id) DO UPDATE SET
      ${REPORT_ROW_COLUMNS.filter((c) => c !== 'id')
        .map((c) => `${c} = EXCLUDED.${c}`)
        .join(', ')}
  $$`;

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

export interface RebuildProgress {
  referrals: number;
  seconds: number;
}

/**
 * Recomputes every referral's row from its handoffs, in submission order, `batch` referrals per statement. With
 * `transaction` (the command, not the migration), each batch runs in its own transaction after locking referral and
 * referral_handoff against writes (SHARE), so that no write can slip between what a batch reads and what it writes;
 * writers wait for one batch at most.
 */
export async function rebuildReportRows(
  query: Query,
  options: {
    batch?: number;
    transaction?: <T>(work: (query: Query) => Promise<T>) => Promise<T>;
    onBatch?: (progress: RebuildProgress) => void;
  } = {},
): Promise<number> {
  const batch = options.batch ?? 10_000;
  const started = Date.now();
  let after: { created_at: Date; id: string } | null = null;
  let done = 0;
  for (;;) {
    const rows = (await query(
      `SELECT id, created_at FROM referral
        WHERE $1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::uuid)
        ORDER BY created_at, id LIMIT $3`,
      [after?.created_at ?? null, after?.id ?? null, batch],
    )) as { id: string; created_at: Date }[];
    if (!rows.length) break;
    const ids = rows.map((row) => row.id);
    const refresh = async (q: Query) => {
      if (options.transaction) await q(`LOCK TABLE referral, referral_handoff IN SHARE MODE`);
      await q(`SELECT refresh_referral_report_rows($1::uuid[])`, [ids]);
    };
    await (options.transaction ? options.transaction(refresh) : refresh(query));
    done += rows.length;
    after = rows[rows.length - 1];
    options.onBatch?.({ referrals: done, seconds: (Date.now() - started) / 1000 });
  }
  return done;
}
