import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import type { ActivityExecuteInput } from '@temporalio/worker';
import { LogSafeErrorsInterceptor } from './log-safe-errors.interceptor';

class QueryFailedLike extends Error {
  readonly parameters = ['秘匿 太郎', '090-1111-2222'];
  readonly driverError = { detail: 'Key (x)=(秘匿 太郎)' };
  constructor(message: string) {
    super(message);
    this.name = 'QueryFailedError';
  }
}

const input = { args: [], headers: {} } as unknown as ActivityExecuteInput;

async function thrownBy(error: unknown): Promise<unknown> {
  try {
    await new LogSafeErrorsInterceptor().execute(input, async () => {
      throw error;
    });
  } catch (thrown) {
    return thrown;
  }
  throw new Error('did not throw');
}

describe('LogSafeErrorsInterceptor', () => {
  it('passes on a failed activity as class, message and stack only, its cause the same way', async () => {
    const original = new Error('write failed', { cause: new QueryFailedLike('duplicate key value') });
    const thrown = (await thrownBy(original)) as Error & { cause?: Error };
    expect(thrown).not.toBe(original);
    expect(thrown).toMatchObject({ name: 'Error', message: 'write failed', stack: original.stack });
    expect(thrown.cause).toMatchObject({ name: 'QueryFailedError', message: 'duplicate key value' });
    expect(Object.keys(thrown.cause!)).toEqual([]);
    expect(JSON.stringify(thrown, Object.getOwnPropertyNames(thrown))).not.toContain('秘匿');
  });

  it("leaves Temporal's own failures alone, and answers a thrown non-error with its type", async () => {
    const failure = ApplicationFailure.nonRetryable('no');
    expect(await thrownBy(failure)).toBe(failure);
    const cancelled = new CancelledFailure('cancelled');
    expect(await thrownBy(cancelled)).toBe(cancelled);
    expect(((await thrownBy({ name: '秘匿 太郎' })) as Error).message).toBe('activity threw a object');
  });

  it('returns what the activity returns', async () => {
    expect(await new LogSafeErrorsInterceptor().execute(input, async () => 42)).toBe(42);
  });
});
