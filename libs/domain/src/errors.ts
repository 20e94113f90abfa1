// Error codes of API.md. Workflows raise them as ApplicationFailure types; the api maps them to GraphQL extensions.code.
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** A move the referral's current state does not allow. Thrown by the pure state machine. */
export class IllegalTransitionError extends Error {
  readonly code = ErrorCode.CONFLICT;
  constructor(message: string) {
    super(message);
    this.name = 'IllegalTransitionError';
  }
}
