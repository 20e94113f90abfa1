import { GraphQLError, type ASTNode } from 'graphql';
import { ErrorCode } from '@tsunagu/domain';

export type LimitName = 'depth' | 'aliases' | 'tokens' | 'cost';

/**
 * The error for a document over one of the limits: BAD_USER_INPUT (API.md's code for the caller's mistake) naming the
 * limit, its value and the request field at fault (`query`). Validation rules raise it too; Apollo files those under
 * GRAPHQL_VALIDATION_FAILED, and formatError restores BAD_USER_INPUT from `extensions.limit`.
 */
export function limitExceeded(limit: LimitName, message: string, max: number, nodes?: readonly ASTNode[]): GraphQLError {
  return new GraphQLError(message, {
    nodes,
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields: ['query'], limit, max, http: { status: 400 } },
  });
}
