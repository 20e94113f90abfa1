import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { GraphQLError } from 'graphql';
import { formatError } from './format-error';
import { BACKSTOP_GRACE_MS, boundedTemporalCall, DeadlineScope, isTemporalUnavailable, temporalUnavailable } from './temporal-unavailable';

// format-error logs through persistence's errorForLog; the real module loads Nest, which jest cannot require.
jest.mock('@tsunagu/persistence', () => ({ errorForLog: (error: unknown) => `logged(${(error as Error).message})` }));

/** gRPC status codes (@grpc/grpc-js's status, which Tsunagu does not depend on directly). */
const status = { DEADLINE_EXCEEDED: 4, INVALID_ARGUMENT: 3, RESOURCE_EXHAUSTED: 8, INTERNAL: 13, UNAVAILABLE: 14 } as const;

/** A gRPC error as @grpc/grpc-js raises it: code, details, metadata. */
function grpcError(code: number, details = 'from the server'): Error {
  return Object.assign(new Error(`${code}: ${details}`), { code, details, metadata: {} });
}

describe('isTemporalUnavailable', () => {
  it.each([
    ['UNAVAILABLE', status.UNAVAILABLE],
    ['DEADLINE_EXCEEDED', status.DEADLINE_EXCEEDED],
    ['RESOURCE_EXHAUSTED', status.RESOURCE_EXHAUSTED],
  ])('is true for gRPC %s, bare or as the cause of a ServiceError', (_name, code) => {
    expect(isTemporalUnavailable(grpcError(code))).toBe(true);
    expect(isTemporalUnavailable(new ServiceError('Update-With-Start failed', { cause: grpcError(code) }))).toBe(true);
  });

  it('is true for an Update whose RPC ran past its deadline', () => {
    const timedOut = new WorkflowUpdateRPCTimeoutOrCancelledError('Workflow update call timeout or cancelled', {
      cause: grpcError(status.DEADLINE_EXCEEDED),
    });
    expect(isTemporalUnavailable(timedOut)).toBe(true);
  });

  it('is false for refusals and other failures, which keep their own mapping', () => {
    expect(isTemporalUnavailable(grpcError(status.INVALID_ARGUMENT))).toBe(false);
    expect(isTemporalUnavailable(new ServiceError('failed', { cause: grpcError(status.INTERNAL) }))).toBe(false);
    expect(isTemporalUnavailable(new WorkflowNotFoundError('gone', 'referral:u:r', undefined))).toBe(false);
    expect(isTemporalUnavailable(new WorkflowExecutionAlreadyStartedError('started', 'referral:u:r', 'referralWorkflow'))).toBe(false);
    const refused = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.create({ type: 'CONFLICT', message: 'no', nonRetryable: true }),
    );
    expect(isTemporalUnavailable(refused)).toBe(false);
    expect(isTemporalUnavailable(new Error('connection refused'))).toBe(false);
    expect(isTemporalUnavailable(undefined)).toBe(false);
  });
});

describe('temporalUnavailable', () => {
  it('is UNAVAILABLE, retryable, and says the change may still happen and a repeat is safe', () => {
    const error = temporalUnavailable(15);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual({ code: 'UNAVAILABLE', retryable: true });
    expect(error.message).toContain('within 15 s');
    expect(error.message).toContain('may still happen');
    expect(error.message).toContain('sending the same request again');
  });
});

describe('formatError and UNAVAILABLE', () => {
  it('lets UNAVAILABLE through with retryable, where an unknown code would be masked', () => {
    const error = temporalUnavailable(15);
    const formatted = formatError({ hideSuggestions: true })(
      { message: error.message, path: ['acceptReferral'], extensions: { ...error.extensions } },
      error,
    );
    expect(formatted).toEqual({
      message: error.message,
      path: ['acceptReferral'],
      extensions: { code: 'UNAVAILABLE', retryable: true, messageJa: 'ただいま処理できません。しばらくしてからもう一度お試しください' },
    });
  });
});

describe('boundedTemporalCall', () => {
  /** Runs fn like Client.withDeadline, remembering the deadline it was given. */
  function fakeClient(): DeadlineScope & { deadline?: number } {
    const client: DeadlineScope & { deadline?: number } = {
      withDeadline: (deadline, fn) => {
        client.deadline = Number(deadline);
        return fn();
      },
    };
    return client;
  }

  afterEach(() => jest.useRealTimers());

  it('gives every call inside it the deadline now + the bound and passes the answer through', async () => {
    const client = fakeClient();
    const before = Date.now();
    await expect(boundedTemporalCall(client, 15, async () => 'answer', jest.fn())).resolves.toBe('answer');
    expect(client.deadline).toBeGreaterThanOrEqual(before + 15_000);
    expect(client.deadline).toBeLessThanOrEqual(Date.now() + 15_000);
  });

  it('turns "not now" from Temporal into UNAVAILABLE and tells the log why, without the error object', async () => {
    const warn = jest.fn();
    const failing = () => Promise.reject(new ServiceError('Workflow Update failed', { cause: grpcError(status.UNAVAILABLE, 'history down') }));
    await expect(boundedTemporalCall(fakeClient(), 15, failing, warn)).rejects.toMatchObject({
      extensions: { code: 'UNAVAILABLE', retryable: true },
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[gRPC 14]'));
    expect(warn.mock.calls[0][0]).toContain('history down');
  });

  it('passes every other error unchanged, for the caller to map', async () => {
    const gone = new WorkflowNotFoundError('gone', 'referral:u:r', undefined);
    const warn = jest.fn();
    await expect(boundedTemporalCall(fakeClient(), 15, () => Promise.reject(gone), warn)).rejects.toBe(gone);
    expect(warn).not.toHaveBeenCalled();
  });

  it('stops waiting shortly after the bound even if the call never settles', async () => {
    jest.useFakeTimers();
    const warn = jest.fn();
    const outcome = boundedTemporalCall(fakeClient(), 3, () => new Promise<never>(() => undefined), warn).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(3_000 + BACKSTOP_GRACE_MS - 1);
    expect(warn).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({ extensions: { code: 'UNAVAILABLE', retryable: true } });
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
