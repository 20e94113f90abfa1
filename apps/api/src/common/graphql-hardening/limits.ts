import { Env, readInteger } from '@tsunagu/domain';

/**
 * Limits on what one GraphQL request may ask of the api (docs/OPERATIONS.md lists the variables). The defaults leave
 * room for every document the forms, scripts and tests send: the deepest is 7 levels, the most costly a page of 100
 * referrals with all their fields and handoffs (about 28 500).
 */
export interface GraphqlLimits {
  /** Levels of nested fields; a root field is level 1. */
  maxDepth: number;
  /** Aliased fields in the operation, counting a fragment's aliases each time it is spread. */
  maxAliases: number;
  /** Lexical tokens in the document (graphql-js `parse` stops counting there). */
  maxTokens: number;
  /** Static cost (query-cost.ts): every field 1, a list's selection times its `first` or the default list size. */
  maxCost: number;
  /** How many items a list field without a `first` argument is assumed to hold. */
  defaultListSize: number;
  /** Largest JSON request body in bytes; a larger one is answered 413 before any GraphQL runs. */
  maxBodyBytes: number;
}

export const DEFAULT_GRAPHQL_LIMITS: GraphqlLimits = {
  maxDepth: 10,
  maxAliases: 20,
  maxTokens: 2000,
  maxCost: 50_000,
  defaultListSize: 20,
  maxBodyBytes: 1024 * 1024,
};

export function readGraphqlLimits(env: Env): GraphqlLimits {
  const d = DEFAULT_GRAPHQL_LIMITS;
  return {
    maxDepth: readInteger(env, 'TSUNAGU_GRAPHQL_MAX_DEPTH', d.maxDepth, { min: 2, max: 100 }),
    maxAliases: readInteger(env, 'TSUNAGU_GRAPHQL_MAX_ALIASES', d.maxAliases, { min: 0, max: 1000 }),
    maxTokens: readInteger(env, 'TSUNAGU_GRAPHQL_MAX_TOKENS', d.maxTokens, { min: 50, max: 100_000 }),
    maxCost: readInteger(env, 'TSUNAGU_GRAPHQL_MAX_COST', d.maxCost, { min: 10, max: 10_000_000 }),
    defaultListSize: readInteger(env, 'TSUNAGU_GRAPHQL_DEFAULT_LIST_SIZE', d.defaultListSize, { min: 1, max: 1000 }),
    maxBodyBytes: readInteger(env, 'TSUNAGU_HTTP_MAX_BODY_BYTES', d.maxBodyBytes, { min: 1024, max: 100 * 1024 * 1024 }),
  };
}
