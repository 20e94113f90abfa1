import { ApplicationFailure } from '@temporalio/common';
import { classifyWriteError, storeOrRefuse } from './write-errors';

/** What TypeORM throws: a QueryFailedError with the driver's fields copied on, and the driver error itself. */
function queryFailed(code: string, extra: Record<string, unknown> = {}): Error {
  const driverError = Object.assign(new Error('pg message quoting "Yamada Taro"'), { code, detail: 'Key (note)=(Yamada Taro)', ...extra });
  return Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError, code, parameters: ['Yamada Taro'], ...extra });
}

describe('classifyWriteError', () => {
  it.each([
    ['22023', 'invalid_parameter_value'],
    ['22P05', 'untranslatable_character'],
    ['22001', 'string_data_right_truncation'],
    ['22012', 'data_exception'],
    ['23514', 'check_violation'],
    ['23503', 'foreign_key_violation'],
    ['23502', 'not_null_violation'],
  ])('refuses SQLSTATE %s (%s): retrying cannot help', (code, condition) => {
    expect(classifyWriteError(queryFailed(code))).toMatchObject({ kind: 'REFUSED', code, condition });
  });

  it('refuses a unique violation of an ordinary constraint, and retries one of an idempotency guard (a concurrent attempt won)', () => {
    expect(classifyWriteError(queryFailed('23505', { constraint: 'referral_workflow_id_key' })).kind).toBe('REFUSED');
    expect(classifyWriteError(queryFailed('23505', { constraint: 'referral_handoff_pkey' })).kind).toBe('TRANSIENT');
    expect(classifyWriteError(queryFailed('23505', { constraint: 'referral_handoff_issue_event_idx' })).kind).toBe('TRANSIENT');
    expect(classifyWriteError(queryFailed('23505', { constraint: 'provision_record_referral_id_handoff_seq_recipient_organizati_key' })).kind).toBe(
      'TRANSIENT',
    );
  });

  it.each(['40001', '40P01', '08006', '08001', '57P01', '57P03', '53300', '55P03'])('retries SQLSTATE %s', (code) => {
    expect(classifyWriteError(queryFailed(code)).kind).toBe('TRANSIENT');
  });

  it('retries a lost or refused connection and a pool timeout', () => {
    expect(classifyWriteError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' })).kind).toBe('TRANSIENT');
    expect(classifyWriteError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })).kind).toBe('TRANSIENT');
    expect(classifyWriteError(new Error('timeout exceeded when trying to connect')).kind).toBe('TRANSIENT');
    expect(classifyWriteError(new Error('Connection terminated unexpectedly')).kind).toBe('TRANSIENT');
  });

  it('leaves anything else unknown (retried as before): other SQLSTATE classes, bugs', () => {
    expect(classifyWriteError(queryFailed('42703'))).toMatchObject({ kind: 'UNKNOWN', code: '42703' });
    expect(classifyWriteError(new TypeError('x is undefined'))).toMatchObject({ kind: 'UNKNOWN', code: null, condition: 'TypeError' });
    expect(classifyWriteError('a string')).toMatchObject({ kind: 'UNKNOWN' });
  });
});

describe('storeOrRefuse', () => {
  const fail = (error: unknown) => storeOrRefuse('recordReferralTransition', () => Promise.reject(error));

  it('passes a stored write through', async () => {
    await expect(storeOrRefuse('w', async () => 7)).resolves.toBe(7);
  });

  it('turns a refusal into a non-retryable WRITE_REFUSED naming the condition, never a value', async () => {
    const error = await fail(queryFailed('23514', { constraint: 'referral_handoff_note_check' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    const failure = error as ApplicationFailure;
    expect(failure).toMatchObject({ type: 'WRITE_REFUSED', nonRetryable: true });
    expect(failure.message).toContain('check_violation, SQLSTATE 23514 on referral_handoff_note_check');
    expect(failure.details).toEqual([{ sqlState: '23514', condition: 'check_violation', constraint: 'referral_handoff_note_check' }]);
    expect(JSON.stringify({ m: failure.message, d: failure.details, s: failure.stack })).not.toContain('Yamada');
  });

  it('turns a transient database error into a retryable WRITE_RETRYING without PostgreSQL’s message', async () => {
    const failure = (await fail(queryFailed('40001')).catch((e: unknown) => e)) as ApplicationFailure;
    expect(failure).toMatchObject({ type: 'WRITE_RETRYING', nonRetryable: false });
    expect(failure.message).toBe('recordReferralTransition: serialization_failure (40001); retrying');
    expect(failure.message).not.toContain('Yamada');
  });

  it('rethrows anything else unchanged', async () => {
    const bug = new TypeError('x is undefined');
    await expect(fail(bug)).rejects.toBe(bug);
  });
});
