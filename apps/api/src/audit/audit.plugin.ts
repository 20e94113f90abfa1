import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType } from 'graphql';
import { databaseUnavailable, isDatabaseUnavailable } from '../common/database-unavailable';
import { MESSAGE_JA_BY_CODE } from '../common/error-messages-ja';
import type { RequestContext } from '../common/request-context';
import { errorForLog } from '@tsunagu/persistence';
import { requestIdOf } from '../logging/request-id';
import { emailFingerprint, errorCodeOf, mutationObject, safeArguments, valueFingerprint } from './audit-details';
import { ANONYMOUS, type AuditTrail, beginAuditTrail } from './audit-trail';
import type { AuditService } from './audit.service';

/**
 * Records every mutation (each root field of a mutation operation, with its result: OK or the error code, refusals
 * by the auth guard and argument validation included) and writes the request's events, with the personal-data reads
 * that field resolvers added (auditTrailOf), in one INSERT just before the response leaves.
 *
 * If that INSERT fails the response is replaced by INTERNAL_SERVER_ERROR (HTTP 500; UNAVAILABLE, retryable, with 503 when
 * PostgreSQL is unreachable) and the events are logged as
 * `api: AUDIT WRITE FAILED`: no personal data leaves without its read being recorded. A mutation has taken effect by
 * then; its caller sees the error and reads the state again, and its event is in the log line.
 * Documents refused before execution (syntax, validation, limits, variables) change nothing and are not recorded.
 *
 * Every hook is guarded: a failure inside the plugin (a document with two operations and no operationName has no
 * operation, say) is logged and never becomes the client's 500. The one deliberate 500 is the failed write above.
 */
export function createAuditPlugin(audit: AuditService, secret: string, log: AuditLogger): ApolloServerPlugin<RequestContext> {
  const fingerprint = valueFingerprint(secret);
  const guarded = (where: string, run: () => void, about: Record<string, unknown> = {}): void => {
    try {
      run();
    } catch (error) {
      log.error({ hook: where, ...about, error: errorForLog(error) }, 'api: audit plugin failed');
    }
  };
  return {
    async requestDidStart({ contextValue }) {
      // Without a trail a read of personal data fails (auditTrailOf throws): closed, not open.
      let trail: AuditTrail | undefined;
      guarded('requestDidStart', () => {
        trail = beginAuditTrail(contextValue, clientAddressOf(contextValue), requestIdOf(contextValue));
      });
      if (!trail) return {};
      const events = trail;
      return {
        async executionDidStart({ operation }) {
          // No operation: several in the document and no operationName; Apollo answers that with a 400.
          if (operation?.operation !== 'mutation') return;
          return {
            willResolveField({ args, contextValue: ctx, info }) {
              if (info.path.prev !== undefined) return;
              // Should recording fail, the line names the mutation, so that it is not lost without a trace.
              return (error, result) =>
                guarded(
                  'willResolveField',
                  () => {
                    const field = info.parentType.getFields()[info.fieldName];
                    const viewer = ctx.req?.viewer;
                    const outcome = error ? null : (result as Record<string, any> | null);
                    const object = mutationObject(info.fieldName, getNamedType(info.returnType).name, args, outcome);
                    const details: Record<string, unknown> = { ...safeArguments(field?.args ?? [], args, fingerprint), ...object.details };
                    let actorUserId = viewer?.id ?? null;
                    let actorRole: string = viewer?.role ?? ANONYMOUS;
                    if (info.fieldName === 'login') {
                      // The user who signed in; for a failure only a keyed fingerprint of the email, never the address.
                      if (outcome?.user?.id) [actorUserId, actorRole] = [outcome.user.id, outcome.user.role ?? ANONYMOUS];
                      else if (typeof args.email === 'string') details.emailHash = emailFingerprint(secret, args.email);
                    }
                    events.add({
                      actorUserId,
                      actorRole,
                      operation: info.fieldName,
                      objectType: object.objectType,
                      objectId: object.objectId,
                      result: error ? errorCodeOf(error) : 'OK',
                      details,
                    });
                  },
                  { operation: info.fieldName },
                );
            },
          };
        },
        async willSendResponse({ response }) {
          if (!events.events.length) return;
          try {
            await audit.write(events.events);
          } catch (error) {
            guarded('willSendResponse', () =>
              log.error(
                { cause: error instanceof Error ? error.message : String(error), events: events.events },
                'api: AUDIT WRITE FAILED; the response was withheld',
              ),
            );
            // PostgreSQL unreachable: withheld just the same, but as UNAVAILABLE, which tells the client to send the same
            // request again (a repeat is safe and is recorded then), not to report a bug (docs/RELIABILITY.md).
            const unavailable = isDatabaseUnavailable(error) ? databaseUnavailable() : null;
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [
                  unavailable
                    ? { message: unavailable.message, extensions: { ...unavailable.extensions, messageJa: MESSAGE_JA_BY_CODE.UNAVAILABLE } }
                    : {
                        message: 'Internal server error',
                        extensions: { code: 'INTERNAL_SERVER_ERROR', messageJa: MESSAGE_JA_BY_CODE.INTERNAL_SERVER_ERROR },
                      },
                ],
              },
            };
            response.http.status = unavailable ? 503 : 500;
          }
        },
      };
    },
  };
}

/** The part of a pino logger the plugin needs. */
export interface AuditLogger {
  error(fields: Record<string, unknown>, message: string): void;
}

function clientAddressOf(ctx: RequestContext): string | null {
  return ctx.req?.ip ?? ctx.req?.socket?.remoteAddress ?? null;
}
