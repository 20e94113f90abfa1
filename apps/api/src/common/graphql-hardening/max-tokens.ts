import type { ParseOptions } from 'graphql';

/**
 * graphql-js's `parse` stops reading a document after `maxTokens` lexical tokens, before it builds any syntax tree for
 * the rest: the cheapest place to refuse an oversized query. Apollo passes these options to `parse`.
 */
export function tokenLimitParseOptions(maxTokens: number): ParseOptions {
  return { maxTokens };
}

/** graphql-js's message when `parse` stops at `maxTokens` (16.x writes "more that N tokens"; later versions "than"). */
const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;

/**
 * The limit in a syntax error that is graphql-js's token limit, or null for any other syntax error. Apollo reports it
 * as GRAPHQL_PARSE_FAILED; formatError answers BAD_USER_INPUT with tokenLimitMessage instead, like the other limits.
 */
export function tokenLimitOf(message: string): number | null {
  const match = TOKEN_LIMIT.exec(message);
  return match ? Number(match[1]) : null;
}

export function tokenLimitMessage(max: number): string {
  return `The document has more than ${max} tokens, the most this server reads: send a smaller query`;
}
