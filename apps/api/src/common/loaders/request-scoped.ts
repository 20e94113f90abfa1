// Loaders that depend on who asks (which issues, meetings, referrals the viewer may see): built on first use in a
// request, from the viewer the AuthGuard put on it, and dropped with the request's context.
import type { RequestContext } from '../request-context';

const scoped = new WeakMap<RequestContext, Map<string, unknown>>();

export function requestScoped<T>(ctx: RequestContext, key: string, create: () => T): T {
  let values = scoped.get(ctx);
  if (!values) scoped.set(ctx, (values = new Map()));
  if (!values.has(key)) values.set(key, create());
  return values.get(key) as T;
}
