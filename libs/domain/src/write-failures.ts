// How a write that cannot be stored travels from the worker's activities through a workflow to the caller
// (docs/ARCHITECTURE.md, "Writes that cannot succeed"). Pure constants: the worker, the workflows and the api share them.

/** The ApplicationFailure type of an activity whose write the database refused for good: never retried. */
export const WRITE_REFUSED_FAILURE = 'WRITE_REFUSED';

/** The ApplicationFailure type of an activity's database error that a retry may clear (it is retried). */
export const WRITE_RETRYING_FAILURE = 'WRITE_RETRYING';

/** Why a move was not recorded: `extensions.reason` of a MOVE_NOT_RECORDED error. */
export enum MoveNotRecordedReason {
  /** The database refused the move's values (a data exception or a violated constraint): resending it as is fails again. */
  WRITE_REFUSED = 'WRITE_REFUSED',
  /** An operator released a write that kept failing (`npm run stuck-moves -- release`): the move may be sent again later. */
  RELEASED_BY_OPERATOR = 'RELEASED_BY_OPERATOR',
}

/** The details of a MOVE_NOT_RECORDED failure (its first details entry). */
export interface MoveNotRecordedDetails {
  reason: MoveNotRecordedReason;
  /** The SQLSTATE of the refusal, when the database refused it. */
  sqlState?: string | null;
}
