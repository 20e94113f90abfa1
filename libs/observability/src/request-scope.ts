import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<string>();

/** Runs `fn` (and everything it starts) as part of the request with this id. */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return scope.run(requestId, fn);
}

/** The id of the request running now (X-Request-Id, apps/api/src/logging/request-id.ts), or undefined outside one. */
export function currentRequestId(): string | undefined {
  return scope.getStore();
}
