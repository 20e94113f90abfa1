import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType } from 'graphql';
import type { RequestContext } from '../common/request-context';
import { emailFingerprint, errorCodeOf, mutationObject, safeArguments } from './audit-details';
import { ANONYMOUS, beginAuditTrail } from './audit-trail';
import type { AuditService } from './audit.service';

/**
 * Records every mutation (each root field of a mutation operation, with its result: OK or the error code, refusals
 * by the auth guard and argument validation included) and writes the request's events, with the personal-data reads
 * that field resolvers added (auditTrailOf), in one INSERT just before the response leaves.
 *
 * If that INSERT fails the response is replaced by INTERNAL_SERVER_ERROR (HTTP 500) and the events are logged as
 * `api: AUDIT WRITE FAILED`: no personal data leaves without its read being recorded. A mutation has taken effect by
 * then; its caller sees the error and reads the state again, and its event is in the log line.
 * Documents refused before execution (syntax, validation, limits, variables) change nothing and are not recorded.
 */
export function createAuditPlugin(audit: AuditService, secret: string): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const trail = beginAuditTrail(contextValue, clientAddressOf(contextValue));
      return {
        async executionDidStart({ operation }) {
          if (operation.operation !== 'mutation') return;
          return {
            willResolveField({ args, contextValue: ctx, info }) {
              if (info.path.prev !== undefined) return;
              const field = info.parentType.getFields()[info.fieldName];
              return (error, result) => {
                const viewer = ctx.req?.viewer;
                const outcome = error ? null : (result as Record<string, any> | null);
                const object = mutationObject(info.fieldName, getNamedType(info.returnType).name, args, outcome);
                const details: Record<string, unknown> = { ...safeArguments(field?.args ?? [], args), ...object.details };
                let actorUserId = viewer?.id ?? null;
                let actorRole: string = viewer?.role ?? ANONYMOUS;
                if (info.fieldName === 'login') {
                  // The user who signed in; for a failure only a keyed fingerprint of the email, never the address.
                  if (outcome?.user?.id) [actorUserId, actorRole] = [outcome.user.id, outcome.user.role ?? ANONYMOUS];
                  else if (typeof args.email === 'string') details.emailHash = emailFingerprint(secret, args.email);
                }
                trail.add({
                  actorUserId,
                  actorRole,
                  operation: info.fieldName,
                  objectType: object.objectType,
                  objectId: object.objectId,
                  result: error ? errorCodeOf(error) : 'OK',
                  details,
                });
              };
            },
          };
        },
        async willSendResponse({ response }) {
          if (!trail.events.length) return;
          try {
            await audit.write(trail.events);
          } catch (error) {
            console.error(
              `api: AUDIT WRITE FAILED (${error instanceof Error ? error.message : String(error)}); the response was withheld. Events:`,
              JSON.stringify(trail.events),
            );
            response.body = { kind: 'single', singleResult: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } };
            response.http.status = 500;
          }
        },
      };
    },
  };
}

function clientAddressOf(ctx: RequestContext): string | null {
  return ctx.req?.ip ?? ctx.req?.socket?.remoteAddress ?? null;
}
