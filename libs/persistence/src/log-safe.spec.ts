import { errorForLog, ParameterFreeLogger } from './log-safe';

class QueryFailedLike extends Error {
  constructor(
    message: string,
    readonly query: string,
    readonly parameters: unknown[],
    readonly driverError: unknown,
  ) {
    super(message);
    this.name = 'QueryFailedError';
  }
}

describe('errorForLog', () => {
  it('keeps class, message and stack, and drops what the error carries', () => {
    const error = new QueryFailedLike('duplicate key value violates unique constraint "x"', 'INSERT ... $1', ['山田 花子'], {
      detail: 'Key (name)=(山田 花子) already exists.',
    });
    const line = errorForLog(error);
    expect(line).toContain('QueryFailedError: duplicate key value violates unique constraint "x"');
    expect(line).toContain('at ');
    expect(line).not.toContain('山田');
  });

  it('follows causes the same way, and does not print a thrown non-error', () => {
    const cause = new QueryFailedLike('connection reset', 'SELECT', ['090-1234-5678'], null);
    const line = errorForLog(new Error('Workflow Update failed', { cause }));
    expect(line).toContain('Error: Workflow Update failed');
    expect(line).toContain('caused by QueryFailedError: connection reset');
    expect(line).not.toContain('090-1234');
    expect(errorForLog({ name: '山田 花子' })).toBe('thrown object');
  });
});

describe('ParameterFreeLogger', () => {
  it('logs a failed query without its parameters', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      new ParameterFreeLogger().logQueryError(new Error('boom'), 'INSERT INTO referral VALUES ($1)');
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0].join(' ')).toBe('query failed: INSERT INTO referral VALUES ($1)\nerror: Error: boom');
    } finally {
      spy.mockRestore();
    }
  });
});
