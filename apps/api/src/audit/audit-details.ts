// What an audit event says about an operation, decided from the schema alone (pure: unit-tested). The rule that keeps
// personal data, passwords and tokens out of the log: only arguments of enum, Int, Float, Boolean and ID types are
// copied, and strings only for the few codes named below. Free text (notes, reasons, names, contacts, emails,
// passwords, CSV) is a String and never copied, whatever the operation.
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

/** String arguments that are codes, not text: safe to record. */
const SAFE_STRING_ARGUMENTS = new Set(['areaCode', 'areaCodes']);
const MAX_VALUE_LENGTH = 100;
const MAX_LIST_LENGTH = 50;

/** The safe part of a field's arguments, by their GraphQL types; {} when nothing is safe. */
export function safeArguments(definitions: readonly GraphQLArgument[], args: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const definition of definitions) {
    const value = safeValue(definition.type, args[definition.name], definition.name);
    if (value !== undefined) details[definition.name] = value;
  }
  return details;
}

function safeValue(type: GraphQLInputType, value: unknown, name: string): unknown {
  if (value === undefined || value === null) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return undefined;
    const items = value.slice(0, MAX_LIST_LENGTH).map((item) => safeValue(nullable.ofType as GraphQLInputType, item, name));
    return items.some((item) => item !== undefined) ? items.map((item) => item ?? null) : undefined;
  }
  if (isEnumType(nullable)) return typeof value === 'string' ? value : undefined;
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return undefined;
    const fields = nullable.getFields();
    const out: Record<string, unknown> = {};
    for (const field of Object.values(fields)) {
      const v = safeValue(field.type, (value as Record<string, unknown>)[field.name], field.name);
      if (v !== undefined) out[field.name] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (nullable === GraphQLInt || nullable === GraphQLFloat) return typeof value === 'number' ? value : undefined;
  if (nullable === GraphQLBoolean) return typeof value === 'boolean' ? value : undefined;
  if (nullable === GraphQLID) return String(value).slice(0, MAX_VALUE_LENGTH);
  if (SAFE_STRING_ARGUMENTS.has(name) && typeof value === 'string') return value.slice(0, MAX_VALUE_LENGTH);
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
  resetUserPassword: (args) => ({ objectType: 'User', objectId: args.id ?? null }),
  setRoutingRule: (args) => ({ objectType: 'RoutingRule', objectId: `${args.category}:${args.areaCode}` }),
  setDeadlineRule: (args) => ({ objectType: 'DeadlineRule', objectId: args.input?.category ?? null }),
  // The policy track: a decision and a place on an agenda change the proposal (named even when refused).
  addProposalToAgenda: (args) => ({ objectType: 'PolicyProposal', objectId: args.proposalId ?? null }),
  recordSubcommitteeDecision: (args) => ({ objectType: 'PolicyProposal', objectId: args.proposalId ?? null }),
  // New objects named by their parent when refused: the issue a proposal is drafted on, the proposal an action is for.
  draftPolicyProposal: (args, result) =>
    result?.id ? { objectType: 'PolicyProposal', objectId: String(result.id) } : { objectType: 'RegionalIssue', objectId: args.issueId ?? null },
  addFollowUpAction: (args, result) =>
    result?.id ? { objectType: 'FollowUpAction', objectId: String(result.id) } : { objectType: 'PolicyProposal', objectId: args.proposalId ?? null },
  importOrganizations: (_args, result) => ({
    objectType: 'Organization',
    objectId: null,
    details: result
      ? { imported: result.imported, created: result.created, updated: result.updated, errorCount: result.errors?.length ?? 0 }
      : undefined,
  }),
};

/** What a mutation acted on: `returnType` is the named type the field returns. */
export function mutationObject(fieldName: string, returnType: string | null, args: Record<string, any>, result: any): AuditObject {
  const rule = OBJECT_RULES[fieldName];
  if (rule) return rule(args, result);
  const id = args.id ?? (result && typeof result === 'object' ? result.id : undefined);
  const objectType = returnType && !['Boolean', 'String', 'Int', 'Float', 'ID'].includes(returnType) ? returnType : null;
  return { objectType, objectId: id === undefined || id === null ? null : String(id) };
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
