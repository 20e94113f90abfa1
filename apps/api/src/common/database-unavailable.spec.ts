import { ErrorCode } from '@tsunagu/domain';
import { isDatabaseUnavailable } from './database-unavailable';
import { formatError } from './format-error';

/** An error as node-postgres raises it for a server-side refusal: a message and a SQLSTATE. */
const pgError = (code: string, message = 'from the server') => Object.assign(new Error(message), { code });
/** TypeORM's QueryFailedError keeps the driver's error in driverError. */
const queryFailed = (driverError: Error) => Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a refused connection (Node 20: an AggregateError of ECONNREFUSED)',
      new AggregateError([pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')]),
    ],
    ['a connection cut (node-postgres, no code)', new Error('Connection terminated unexpectedly')],
    ['the server shutting down, wrapped by TypeORM', queryFailed(pgError('57P01', 'terminating connection due to administrator command'))],
    ['the server recovering after a crash', pgError('57P03', 'the database system is in recovery mode')],
    ['inside a GraphQLError, as formatError gets it', { originalError: queryFailed(new Error('Connection terminated unexpectedly')) }],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('is false for a statement PostgreSQL refused and for other errors', () => {
    expect(isDatabaseUnavailable(queryFailed(pgError('23505', 'duplicate key value violates unique constraint')))).toBe(false);
    expect(isDatabaseUnavailable(queryFailed(pgError('42P01', 'relation "x" does not exist')))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe('formatError with PostgreSQL unreachable', () => {
  it('answers UNAVAILABLE, retryable, instead of a masked INTERNAL_SERVER_ERROR, and says nothing of the cause', () => {
    const formatted = formatError({ hideSuggestions: true })(
      { message: 'connect ECONNREFUSED 127.0.0.1:5432', path: ['submitReferral'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      { originalError: new AggregateError([pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')]) },
    );
    expect(formatted.extensions).toEqual({
      code: ErrorCode.UNAVAILABLE,
      retryable: true,
      messageJa: 'ただいま処理できません。しばらくしてからもう一度お試しください',
    });
    expect(formatted.path).toEqual(['submitReferral']);
    expect(formatted.message).toContain('sending the same request again');
    expect(formatted.message).not.toContain('5432');
  });
});
