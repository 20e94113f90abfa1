import { createHash } from 'node:crypto';

/**
 * A Temporal Update id for a request that starts a workflow (`submit`, `create`): the same request sent again joins the
 * first, or gets its outcome (Temporal answers a finished Update's id with its result, even from a closed run); a
 * corrected request after a refusal is a different Update, so it starts a new run where the reuse policy allows one
 * (ALLOW_DUPLICATE_FAILED_ONLY) instead of being answered with the old refusal. Keys are sorted, so the same content
 * always gives the same id.
 */
export function startUpdateId(kind: string, content: unknown): string {
  return `${kind}:${createHash('sha256').update(canonicalJson(content)).digest('base64url').slice(0, 22)}`;
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
