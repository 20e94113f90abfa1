import type { Viewer } from '../common/viewer';

/** One row of audit_event, as the api records it. */
export interface AuditEventRecord {
  at: Date;
  actorUserId: string | null;
  /** The actor's role, or ANONYMOUS when nobody is signed in. */
  actorRole: string;
  /** The mutation's field name (`acceptReferral`), or `read:<Type>.<field>` for a read of personal data. */
  operation: string;
  objectType: string | null;
  objectId: string | null;
  /** OK, or the error code the caller got. */
  result: string;
  clientAddress: string | null;
  /** The request's id (X-Request-Id), also on every log line of that request. */
  requestId: string | null;
  details: Record<string, unknown>;
}

export const ANONYMOUS = 'ANONYMOUS';

/**
 * The audit events of one GraphQL request, written together when the response is ready (audit.plugin.ts). A read of
 * personal data is recorded once per object and request, however many times the document asks for it.
 */
export class AuditTrail {
  readonly events: AuditEventRecord[] = [];
  private readonly reads = new Set<string>();

  constructor(
    readonly clientAddress: string | null,
    readonly requestId: string | null = null,
  ) {}

  add(event: Omit<AuditEventRecord, 'at' | 'clientAddress' | 'requestId'>): void {
    this.events.push({ ...event, at: new Date(), clientAddress: this.clientAddress, requestId: this.requestId });
  }

  addRead(viewer: Viewer | undefined, operation: string, objectType: string, objectId: string, details: Record<string, unknown> = {}): void {
    const key = `${operation}\u0000${objectId}`;
    if (this.reads.has(key)) return;
    this.reads.add(key);
    this.add({ actorUserId: viewer?.id ?? null, actorRole: viewer?.role ?? ANONYMOUS, operation, objectType, objectId, result: 'OK', details });
  }
}

// Keyed by the GraphQL context object (one per operation), so the trail needs no field in RequestContext.
const trails = new WeakMap<object, AuditTrail>();

export function beginAuditTrail(context: object, clientAddress: string | null, requestId: string | null = null): AuditTrail {
  const trail = new AuditTrail(clientAddress, requestId);
  trails.set(context, trail);
  return trail;
}

/**
 * The trail of the request whose context this is. Throws when there is none (the audit plugin is not installed): a
 * read of personal data that cannot be recorded must not happen.
 */
export function auditTrailOf(context: object): AuditTrail {
  const trail = trails.get(context);
  if (!trail) throw new Error('audit: no audit trail for this request (is the audit plugin installed?)');
  return trail;
}
