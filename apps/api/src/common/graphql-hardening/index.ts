import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import { ALLOW_BATCHED_HTTP_REQUESTS } from './batched-requests';
import type { GraphqlLimits } from './limits';
import { createMaxAliasesRule } from './max-aliases.rule';
import { createMaxDepthRule } from './max-depth.rule';
import { tokenLimitParseOptions } from './max-tokens';
import { createQueryCostPlugin } from './query-cost.plugin';

export * from './limits';
export { jsonBodyOptions } from './body-limit';

/**
 * The Apollo options that put the limits in force (docs/ARCHITECTURE.md "GraphQL limits"). Introspection (off in
 * production), stack traces (development only) and error masking (format-error.ts) are set beside them in app.module.
 */
export function graphqlHardeningOptions(
  limits: GraphqlLimits,
  environment: string,
): {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  allowBatchedHttpRequests: boolean;
  hideSchemaDetailsFromClientErrors: boolean;
  plugins: ApolloServerPlugin[];
} {
  return {
    validationRules: [createMaxDepthRule(limits.maxDepth), createMaxAliasesRule(limits.maxAliases)],
    parseOptions: tokenLimitParseOptions(limits.maxTokens),
    allowBatchedHttpRequests: ALLOW_BATCHED_HTTP_REQUESTS,
    // Apollo's own stripping of "Did you mean" from validation errors; formatError strips the rest (variables).
    hideSchemaDetailsFromClientErrors: environment === 'production',
    plugins: [createQueryCostPlugin(limits)],
  };
}
