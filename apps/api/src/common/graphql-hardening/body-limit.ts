/**
 * The JSON body parser's options (main.ts): a body over `maxBodyBytes` is refused with 413 before it is read into
 * memory or reaches GraphQL, so nothing it asks for runs.
 */
export function jsonBodyOptions(limits: { maxBodyBytes: number }): { limit: number } {
  return { limit: limits.maxBodyBytes };
}
