import { ApplicationFailure } from '@temporalio/common';
import { WRITE_REFUSED_FAILURE, WRITE_RETRYING_FAILURE } from '@tsunagu/domain';

/**
 * What a failed database write means for the workflow waiting on it:
 * - REFUSED: the database refused the values (SQLSTATE class 22, data exception; class 23, integrity constraint
 *   violation, except a unique violation of an idempotency guard): every retry fails the same way, so it is not retried.
 * - TRANSIENT: the connection, a serialization failure, a deadlock, a server shutting down, a pool timeout, a race
 *   with a concurrent attempt of the same write: retried.
 * - UNKNOWN: anything else (a bug, a schema out of step): retried as before, until fixed or released by an operator
 *   (docs/OPERATIONS.md, "A stuck move").
 */
export type WriteErrorKind = 'REFUSED' | 'TRANSIENT' | 'UNKNOWN';

export interface ClassifiedWriteError {
  kind: WriteErrorKind;
  /** PostgreSQL's SQLSTATE, or a Node system error code (ECONNREFUSED, ...); null when there is none. */
  code: string | null;
  /** What it is, in words without any value: the condition's name, or the error's class. */
  condition: string;
  /** The constraint PostgreSQL names (a schema name, never a value). */
  constraint: string | null;
}

/**
 * Unique constraints that guard idempotency: writes insert into them `ON CONFLICT DO NOTHING` (or check first), so a
 * violation means a concurrent attempt of the same write got there first, and the retry finds it done.
 */
function isIdempotencyGuard(constraint: string | null): boolean {
  if (!constraint) return false;
  return (
    constraint.endsWith('_pkey') ||
    constraint === 'referral_handoff_issue_event_idx' ||
    // (referral_id, handoff_seq, recipient_organization_id); PostgreSQL truncates the generated name to 63 bytes.
    constraint.startsWith('provision_record_referral_id_handoff_seq')
  );
}

/** PostgreSQL condition names (Appendix A) of the codes an operator meets most; others show as their class. */
const CONDITIONS: Record<string, string> = {
  '22001': 'string_data_right_truncation',
  '22003': 'numeric_value_out_of_range',
  '22007': 'invalid_datetime_format',
  '22008': 'datetime_field_overflow',
  '22021': 'character_not_in_repertoire',
  '22023': 'invalid_parameter_value',
  '22P02': 'invalid_text_representation',
  '22P05': 'untranslatable_character',
  '23502': 'not_null_violation',
  '23503': 'foreign_key_violation',
  '23505': 'unique_violation',
  '23514': 'check_violation',
  '23P01': 'exclusion_violation',
  '40001': 'serialization_failure',
  '40P01': 'deadlock_detected',
  '55P03': 'lock_not_available',
  '57P01': 'admin_shutdown',
  '57P02': 'crash_shutdown',
  '57P03': 'cannot_connect_now',
};

const CLASSES: Record<string, string> = {
  '08': 'connection_exception',
  '22': 'data_exception',
  '23': 'integrity_constraint_violation',
  '40': 'transaction_rollback',
  '53': 'insufficient_resources',
  '57': 'operator_intervention',
};

const TRANSIENT_SYSTEM_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Messages of pg and pg-pool for a lost or unobtainable connection (they carry no code). */
const TRANSIENT_MESSAGES = [/timeout exceeded when trying to connect/i, /Connection terminated/i, /Client has encountered a connection error/i];

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** Finds the driver's error in TypeORM's QueryFailedError (`driverError`) or a cause chain. */
function driverErrorOf(error: unknown): { code?: unknown; constraint?: unknown; message?: unknown; name?: unknown } | null {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const candidate = current as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string') return candidate as never;
    current = candidate.driverError ?? candidate.cause;
  }
  return error && typeof error === 'object' ? (error as never) : null;
}

export function classifyWriteError(error: unknown): ClassifiedWriteError {
  const driver = driverErrorOf(error);
  const code = typeof driver?.code === 'string' ? driver.code : null;
  const constraint = typeof driver?.constraint === 'string' ? driver.constraint : null;
  const name = error instanceof Error ? error.name : typeof error;
  if (code && SQLSTATE.test(code)) {
    const condition = CONDITIONS[code] ?? CLASSES[code.slice(0, 2)] ?? `sqlstate_class_${code.slice(0, 2)}`;
    const cls = code.slice(0, 2);
    if (cls === '22') return { kind: 'REFUSED', code, condition, constraint };
    if (cls === '23') return { kind: code === '23505' && isIdempotencyGuard(constraint) ? 'TRANSIENT' : 'REFUSED', code, condition, constraint };
    if (cls === '08' || cls === '53' || code === '40001' || code === '40P01' || code === '55P03' || /^57P0[1-3]$/.test(code)) {
      return { kind: 'TRANSIENT', code, condition, constraint };
    }
    return { kind: 'UNKNOWN', code, condition, constraint };
  }
  if (code && TRANSIENT_SYSTEM_CODES.has(code)) return { kind: 'TRANSIENT', code, condition: code, constraint: null };
  const message = error instanceof Error ? error.message : '';
  if (TRANSIENT_MESSAGES.some((pattern) => pattern.test(message))) return { kind: 'TRANSIENT', code, condition: 'connection_lost', constraint: null };
  return { kind: 'UNKNOWN', code, condition: name, constraint: null };
}

/**
 * Runs one write of the read model. A refusal becomes a non-retryable ApplicationFailure of type WRITE_REFUSED, and a
 * transient database error a retryable one of type WRITE_RETRYING: both say what happened without any value (never
 * PostgreSQL's message or detail, which may quote the row; never the query's parameters), so what Temporal records, the
 * worker logs and an operator reads is safe. Anything else is rethrown as it is (the log-safe interceptor scrubs it).
 */
export async function storeOrRefuse<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const c = classifyWriteError(error);
    if (c.kind === 'UNKNOWN') throw error;
    const details = [{ sqlState: c.code, condition: c.condition, constraint: c.constraint }];
    const where = c.constraint ? ` on ${c.constraint}` : '';
    if (c.kind === 'REFUSED') {
      throw ApplicationFailure.create({
        type: WRITE_REFUSED_FAILURE,
        message: `${what}: the database refused the values (${c.condition}, SQLSTATE ${c.code}${where}); retrying cannot help`,
        nonRetryable: true,
        details,
      });
    }
    throw ApplicationFailure.create({
      type: WRITE_RETRYING_FAILURE,
      message: `${what}: ${c.condition}${c.code && c.code !== c.condition ? ` (${c.code})` : ''}; retrying`,
      nonRetryable: false,
      details,
    });
  }
}
