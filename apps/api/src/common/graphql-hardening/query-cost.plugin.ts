import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import { limitExceeded } from './limit-error';
import { operationCost } from './query-cost';

/**
 * Refuses an operation whose static cost (query-cost.ts) is above `maxCost`. It runs once the operation is resolved,
 * not as a validation rule, because the cost depends on the request's variables (`first: $first`) and Apollo keeps
 * validated documents for reuse with other variables.
 */
export function createQueryCostPlugin(limits: { maxCost: number; defaultListSize: number }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          const cost = operationCost(schema, operation, fragments, request.variables, limits);
          if (cost > limits.maxCost) {
            throw limitExceeded(
              'cost',
              `The operation would cost ${cost}, above the limit of ${limits.maxCost}: ask for fewer fields or smaller pages (first)`,
              limits.maxCost,
            );
          }
        },
      };
    },
  };
}
