import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@tsunagu/domain';

// Bounded Temporal calls without Nest (jest cannot load Nest 12): temporal-calls.ts is the injectable around them.

// gRPC status codes (grpc.status) that mean "Temporal cannot answer now", not "your request is wrong".
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_UNAVAILABLE = 14;
const UNAVAILABLE_GRPC_CODES = new Set([GRPC_DEADLINE_EXCEEDED, GRPC_RESOURCE_EXHAUSTED, GRPC_UNAVAILABLE]);

/**
 * Should the SDK ever keep waiting past its gRPC deadline (a retry's backoff, a loop between calls), the request still
 * ends this long after the bound.
 */
export const BACKSTOP_GRACE_MS = 1_000;

/** Raised by the backstop timer; leaves boundedTemporalCall only as UNAVAILABLE. */
class TemporalCallTimeout extends Error {
  constructor(ms: number) {
    super(`no answer from Temporal within ${ms} ms`);
    this.name = 'TemporalCallTimeout';
  }
}

/**
 * Whether a Temporal call failed because Temporal did not answer in time or said it cannot now (UNAVAILABLE,
 * DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED on the gRPC error or anywhere down its causes; an Update's RPC timing out), as
 * opposed to refusing the request.
 */
export function isTemporalUnavailable(error: unknown): boolean {
  return causes(error).some(
    (e) =>
      e instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
      e instanceof TemporalCallTimeout ||
      (isGrpcServiceError(e) && UNAVAILABLE_GRPC_CODES.has((e as { code?: number }).code ?? -1)),
  );
}

/** UNAVAILABLE for the caller: retryable, and what a retry does (docs/ARCHITECTURE.md, "Bounded Temporal calls and safe repeats"). */
export function temporalUnavailable(boundSeconds: number): GraphQLError {
  return new GraphQLError(
    `Temporal (the workflow engine) is unavailable or did not answer within ${boundSeconds} s. The change may still ` +
      'happen: sending the same request again (the same clientRequestId, the same answer) is safe and answers with the result.',
    { extensions: { code: ErrorCode.UNAVAILABLE, retryable: true } },
  );
}

/** What boundedTemporalCall needs of @temporalio/client's Client. */
export interface DeadlineScope {
  withDeadline<R>(deadline: number | Date, fn: () => Promise<R>): Promise<R>;
}

/**
 * Runs `call` with the deadline now + `boundSeconds` on every gRPC call made inside it (Client.withDeadline, so Temporal
 * stops waiting too) and a backstop timer; a failure meaning "not now" becomes UNAVAILABLE after `warn` has told the
 * log why. Every other error passes unchanged, for the caller to map.
 */
export async function boundedTemporalCall<C extends DeadlineScope, T>(
  client: C,
  boundSeconds: number,
  call: (client: C) => Promise<T>,
  warn: (why: string) => void,
): Promise<T> {
  const ms = boundSeconds * 1000;
  let backstop: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    backstop = setTimeout(() => reject(new TemporalCallTimeout(ms + BACKSTOP_GRACE_MS)), ms + BACKSTOP_GRACE_MS);
  });
  try {
    return await Promise.race([client.withDeadline(Date.now() + ms, () => call(client)), late]);
  } catch (error) {
    if (!isTemporalUnavailable(error)) throw error;
    warn(describeCauses(error));
    throw temporalUnavailable(boundSeconds);
  } finally {
    clearTimeout(backstop);
  }
}

/** Class, gRPC code and message of each cause: never the error object, which may carry payloads. */
export function describeCauses(error: unknown): string {
  return causes(error)
    .map((e) => {
      const { name, code, message } = e as { name?: string; code?: unknown; message?: string };
      return `${name ?? 'Error'}${typeof code === 'number' ? ` [gRPC ${code}]` : ''}: ${message ?? String(e)}`;
    })
    .join(' <- ');
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current && chain.length < 10; current = (current as { cause?: unknown }).cause) chain.push(current);
  return chain;
}
