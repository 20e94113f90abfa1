// What an error from the api means to the console: its code (extensions.code, docs/API.md "Errors"), its reason, the
// fields it names, and whether the api could be reached at all.
import type { CombinedError } from 'urql';

export interface ApiErrorInfo {
  network: boolean;
  code: string | null;
  reason: string | null;
  fields: string[];
  retryAfterSeconds: number | null;
}

export function apiErrorInfo(error: CombinedError | undefined | null): ApiErrorInfo | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
  return {
    network: !first && Boolean(error.networkError),
    code: typeof extensions.code === 'string' ? extensions.code : null,
    reason: typeof extensions.reason === 'string' ? extensions.reason : null,
    fields: Array.isArray(extensions.fields) ? extensions.fields.filter((f): f is string => typeof f === 'string') : [],
    retryAfterSeconds: typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : null,
  };
}
