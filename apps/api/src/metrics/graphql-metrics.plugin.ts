import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { RequestContext } from '../common/request-context';
import { clientCodeOf } from '../logging/graphql-error-log.plugin';
import type { ApiMetrics } from '../common/api-metrics';

/** A request whose document did not parse or validate: there is no operation to name. */
export const INVALID_OPERATION = '(invalid)';

/**
 * The `operation` label of a request: the name of its first root field (`submitReferral`, `referrals`), which the
 * schema bounds, not the operationName, which the client chooses freely. Meta fields (`__typename`, `__schema`) are
 * `(introspection)`; a root made only of named fragment spreads is `(fragment)`. Several root fields: the first names it.
 */
export function operationLabel(operation: OperationDefinitionNode | undefined | null): string {
  if (!operation) return INVALID_OPERATION;
  const name = firstFieldName(operation.selectionSet, 0);
  if (name === null) return '(fragment)';
  return name.startsWith('__') ? '(introspection)' : name;
}

function firstFieldName(selectionSet: SelectionSetNode, depth: number): string | null {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) return selection.name.value;
    if (selection.kind === Kind.INLINE_FRAGMENT && depth < 5) {
      const inner = firstFieldName(selection.selectionSet, depth + 1);
      if (inner !== null) return inner;
    }
  }
  return null;
}

/** Times each GraphQL request and counts its errors by code (api-metrics.ts); never fails a request. */
export function createGraphqlMetricsPlugin(metrics: ApiMetrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let operation = INVALID_OPERATION;
      let type = 'none';
      return {
        async didResolveOperation(context) {
          operation = operationLabel(context.operation);
          type = context.operation?.operation ?? 'none';
        },
        async didEncounterErrors({ errors }) {
          try {
            for (const error of errors) metrics.graphqlErrors.inc({ operation, code: clientCodeOf(error) });
          } catch {
            // A metric must never turn an answer into a failure.
          }
        },
        async willSendResponse() {
          try {
            metrics.graphqlDuration.observe({ operation, type }, Number(process.hrtime.bigint() - started) / 1e9);
          } catch {
            // As above.
          }
        },
      };
    },
  };
}
