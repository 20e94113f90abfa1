// What an audit event says about an operation, decided from the schema alone (pure: unit-tested). The rule that keeps
// personal data, passwords and tokens out of the log: only arguments of enum, Int, Float, Boolean and ID types are
// copied, and strings only for the few codes named below. Free text (notes, reasons, names, contacts, emails,
// passwords, CSV) is a String and never copied, whatever the operation.
// An ID or code is copied only when it is well-formed for its field (a UUID, a code of the code pattern): a caller can
// type anything into `id: "..."`, a resident's name and number included, and the audit log is append-only. A
// malformed one is left out and only a keyed hash of it is kept, under its field's path in `details.malformed`, so
// that repeated probing with one value is visible without the value.
import { createHmac } from 'node:crypto';
import {
  getNullableType,
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  isEnumType,
  isInputObjectType,
  isListType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { ErrorCode } from '@tsunagu/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Area codes (KAWANISHI, T-AUDIT-1A2B): upper-case letters, digits, `_` and `-`. */
const CODE = /^[A-Z0-9][A-Z0-9_-]{0,49}$/;
/** A form's idempotency key, as SubmitReferralInput and CreateRegionalIssueInput accept it. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** String and ID arguments that are not UUIDs, with the shape a value must have to be recorded. */
const WELL_FORMED_BY_NAME: Record<string, RegExp> = {
  areaCode: CODE,
  areaCodes: CODE,
  clientRequestId: CLIENT_REQUEST_ID,
};
const MAX_LIST_LENGTH = 50;

/** A keyed hash of a value that was not recorded (never reversible without the server's secret). */
export type Fingerprint = (value: string) => string;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function isCode(value: unknown): value is string {
  return typeof value === 'string' && CODE.test(value);
}

/**
 * The safe part of a field's arguments, by their GraphQL types; {} when nothing is safe. Malformed IDs and codes are
 * in `malformed` as `{ "<path>": <fingerprint> }` (`id`, `input.areaCode`, `organizationIds.2`).
 */
export function safeArguments(
  definitions: readonly GraphQLArgument[],
  args: Readonly<Record<string, unknown>>,
  fingerprint: Fingerprint,
): Record<string, unknown> {
  const malformed: Record<string, string> = {};
  const details: Record<string, unknown> = {};
  for (const definition of definitions) {
    const value = safeValue(definition.type, args[definition.name], definition.name, definition.name, (path, raw) => {
      malformed[path] = fingerprint(raw);
    });
    if (value !== undefined) details[definition.name] = value;
  }
  if (Object.keys(malformed).length) details.malformed = malformed;
  return details;
}

type OnMalformed = (path: string, value: string) => void;

function safeValue(type: GraphQLInputType, value: unknown, name: string, path: string, onMalformed: OnMalformed): unknown {
  if (value === undefined || value === null) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return undefined;
    const items = value
      .slice(0, MAX_LIST_LENGTH)
      .map((item, i) => safeValue(nullable.ofType as GraphQLInputType, item, name, `${path}.${i}`, onMalformed));
    return items.some((item) => item !== undefined) ? items.map((item) => item ?? null) : undefined;
  }
  // GraphQL has coerced enums, numbers and booleans before any resolver runs: only values of the type reach here.
  if (isEnumType(nullable)) return typeof value === 'string' ? value : undefined;
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return undefined;
    const fields = nullable.getFields();
    const out: Record<string, unknown> = {};
    for (const field of Object.values(fields)) {
      const v = safeValue(field.type, (value as Record<string, unknown>)[field.name], field.name, `${path}.${field.name}`, onMalformed);
      if (v !== undefined) out[field.name] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (nullable === GraphQLInt || nullable === GraphQLFloat) return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  if (nullable === GraphQLBoolean) return typeof value === 'boolean' ? value : undefined;
  const shape = WELL_FORMED_BY_NAME[name] ?? (nullable === GraphQLID ? UUID : undefined);
  if (shape) {
    const text = typeof value === 'string' ? value : String(value);
    if (shape.test(text)) return text;
    onMalformed(path, text);
    return undefined;
  }
  // Every other scalar (String, DateTime, ...) may carry personal data or secrets.
  return undefined;
}

export interface AuditObject {
  objectType: string | null;
  objectId: string | null;
  /** Safe figures from the result, merged into details. */
  details?: Record<string, unknown>;
}

type ObjectRule = (args: Record<string, any>, result: any) => AuditObject;

/**
 * Mutations whose object is not "the returned type, named by the `id` argument or the result's id". Add a line here for
 * a new mutation that needs one; anything else is handled by the generic rule in `mutationObject`.
 */
const OBJECT_RULES: Record<string, ObjectRule> = {
  login: (_args, result) => ({ objectType: 'User', objectId: result?.user?.id ?? null }),
  // Accounts: the user created or reset, so a review can follow the account from its creation to its first sign-in.
  createUser: (_args, result) => ({ objectType: 'User', objectId: result?.user?.id ?? null }),
  resetUserPassword: (args) => ({ objectType: 'User', objectId: uuidOrNull(args.id) }),
  setRoutingRule: (args) => ({ objectType: 'RoutingRule', objectId: isCode(args.areaCode) ? `${args.category}:${args.areaCode}` : null }),
  setDeadlineRule: (args) => ({ objectType: 'DeadlineRule', objectId: args.input?.category ?? null }),
  // The policy track: a decision and a place on an agenda change the proposal (named even when refused).
  addProposalToAgenda: (args) => ({ objectType: 'PolicyProposal', objectId: uuidOrNull(args.proposalId) }),
  recordSubcommitteeDecision: (args) => ({ objectType: 'PolicyProposal', objectId: uuidOrNull(args.proposalId) }),
  removeProposalFromAgenda: (args) => ({ objectType: 'PolicyProposal', objectId: uuidOrNull(args.proposalId) }),
  // New objects named by their parent when refused: the issue a proposal is drafted on, the proposal an action is for.
  draftPolicyProposal: (args, result) =>
    result?.id ? { objectType: 'PolicyProposal', objectId: String(result.id) } : { objectType: 'RegionalIssue', objectId: uuidOrNull(args.issueId) },
  addFollowUpAction: (args, result) =>
    result?.id
      ? { objectType: 'FollowUpAction', objectId: String(result.id) }
      : { objectType: 'PolicyProposal', objectId: uuidOrNull(args.proposalId) },
  importOrganizations: (_args, result) => ({
    objectType: 'Organization',
    objectId: null,
    details: result
      ? { imported: result.imported, created: result.created, updated: result.updated, errorCount: result.errors?.length ?? 0 }
      : undefined,
  }),
};

/**
 * What a mutation acted on: `returnType` is the named type the field returns. An id argument names the object only
 * when it is a UUID (a malformed one is in details.malformed, hashed); the result's id comes from the server.
 */
export function mutationObject(fieldName: string, returnType: string | null, args: Record<string, any>, result: any): AuditObject {
  const rule = OBJECT_RULES[fieldName];
  if (rule) return rule(args, result);
  const resultId = result && typeof result === 'object' && result.id !== undefined && result.id !== null ? String(result.id) : null;
  const objectType = returnType && !['Boolean', 'String', 'Int', 'Float', 'ID'].includes(returnType) ? returnType : null;
  return { objectType, objectId: args.id !== undefined && args.id !== null ? uuidOrNull(args.id) : resultId };
}

function uuidOrNull(value: unknown): string | null {
  return isUuid(value) ? value : null;
}

/**
 * The code an error gave the caller: a GraphQL error's `extensions.code`, a Nest HTTP exception's status as Nest's
 * Apollo driver maps it, else INTERNAL_SERVER_ERROR (formatError masks such errors the same way).
 */
export function errorCodeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  if (typeof code === 'string' && code) return code;
  const status = (error as { getStatus?: () => number } | null)?.getStatus?.();
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return ErrorCode.UNAUTHENTICATED;
    case 403:
      return ErrorCode.FORBIDDEN;
    case 422:
      return ErrorCode.BAD_USER_INPUT;
    default:
      return ErrorCode.INTERNAL_SERVER_ERROR;
  }
}

/**
 * A keyed fingerprint of an email, recorded for failed logins instead of the address: it lets an administrator see
 * repeated failures against one address without the log holding it, and cannot be reversed without the server's
 * secret. Derived as login_attempt.email_hash is (login-throttle.service.ts), so the two can be matched.
 */
export function emailFingerprint(secret: string, email: string): string {
  const key = createHmac('sha256', secret).update('tsunagu:login_attempt:email_hash').digest();
  return createHmac('sha256', key).update(email.trim().toLowerCase()).digest('hex');
}

/**
 * A keyed fingerprint of an argument value that was not recorded (a malformed ID or code), the same idea as
 * emailFingerprint with a key of its own: equal values give equal hashes, and nothing of the value is in it.
 */
export function valueFingerprint(secret: string): Fingerprint {
  const key = createHmac('sha256', secret).update('tsunagu:audit_event:malformed_argument').digest();
  return (value) => createHmac('sha256', key).update(value).digest('hex');
}
