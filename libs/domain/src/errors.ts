// Error codes of API.md. Workflows raise them as ApplicationFailure types; the api maps them to GraphQL extensions.code.
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  /** Temporal did not answer within the bound, or said it cannot now: retryable, the move may still happen. */
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** A move whose write could not be stored (extensions.reason says why): nothing changed. */
  MOVE_NOT_RECORDED = 'MOVE_NOT_RECORDED',
}

/** A move the referral's current state does not allow. Thrown by the pure state machine. */
export class IllegalTransitionError extends Error {
  readonly code = ErrorCode.CONFLICT;
  constructor(message: string) {
    super(message);
    this.name = 'IllegalTransitionError';
  }
}

/** A named thing (a proposal, a follow-up action, a linked referral) that the object acted on does not have. */
export class NotFoundError extends Error {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A value a move cannot take (an empty title, a due day that is no date); `field` names the input. */
export class InvalidInputError extends Error {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}
