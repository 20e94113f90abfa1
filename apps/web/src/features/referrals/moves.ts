// The moves of a referral as forms: which fields each asks for, what the console checks before sending (only that
// the required ones are there: ranges and rules are the api's, whose messageJa shows by the field), and how the api's
// refusal maps onto the fields (docs/API.md "Errors": extensions.problems [{ field, messageJa }]).
import type { CombinedError } from 'urql';
import type { ReferralAction } from '../../shared/graphql/generated/graphql';
import { ja } from '../../shared/i18n/ja';
import type { FieldError } from '../../shared/ui/ErrorSummary';

export type MoveField = 'organizationId' | 'declineReason' | 'returnReason' | 'outcome' | 'businessDays' | 'resumeOn' | 'reason' | 'note';

export interface MoveValues {
  organizationId: string;
  declineReason: string;
  returnReason: string;
  outcome: string;
  businessDays: string;
  resumeOn: string;
  reason: string;
  note: string;
}

export const EMPTY_MOVE: MoveValues = {
  organizationId: '',
  declineReason: '',
  returnReason: '',
  outcome: '',
  businessDays: '',
  resumeOn: '',
  reason: '',
  note: '',
};

interface FieldSpec {
  field: MoveField;
  required: boolean;
}

const note = (required = false): FieldSpec => ({ field: 'note', required });

/** Each move's fields, in the order the form shows them. */
export const MOVE_FIELDS: Record<ReferralAction, FieldSpec[]> = {
  ACCEPT: [note()],
  DECLINE: [{ field: 'declineReason', required: true }, note()],
  START: [note()],
  COMPLETE: [{ field: 'outcome', required: true }, note()],
  RETURN: [{ field: 'returnReason', required: true }, note()],
  EXTEND_DEADLINE: [
    { field: 'businessDays', required: true },
    { field: 'reason', required: true },
  ],
  NOTE: [note(true)],
  REASSIGN: [{ field: 'organizationId', required: true }, note()],
  ESCALATE: [note(true)],
  WITHDRAW: [{ field: 'reason', required: true }],
  HOLD: [
    { field: 'resumeOn', required: true },
    { field: 'reason', required: true },
  ],
  RESUME: [note()],
  TAKE: [note()],
};

/** The label of a field in a move's form. */
export function fieldLabel(action: ReferralAction, field: MoveField): string {
  switch (field) {
    case 'organizationId':
      return ja.moves.organization;
    case 'declineReason':
      return ja.moves.declineReason;
    case 'returnReason':
      return ja.moves.returnReason;
    case 'outcome':
      return ja.moves.outcome;
    case 'businessDays':
      return ja.moves.businessDays;
    case 'resumeOn':
      return ja.moves.resumeOn;
    case 'reason':
      return ja.moves.reason;
    case 'note':
      return MOVE_FIELDS[action].some((spec) => spec.field === 'note' && spec.required) ? ja.moves.noteRequired : ja.moves.note;
  }
}

const CHOSEN: ReadonlySet<MoveField> = new Set(['organizationId', 'declineReason', 'returnReason', 'outcome']);

/** What is missing, field by field, in the form's order; nothing is sent while any is. */
export function validateMove(action: ReferralAction, values: MoveValues): FieldError[] {
  return MOVE_FIELDS[action]
    .filter(({ field, required }) => required && !values[field].trim())
    .map(({ field }) => {
      const label = fieldLabel(action, field);
      return { field, message: CHOSEN.has(field) ? ja.errors.chooseOne(label) : ja.form.required(label) };
    });
}

/** The mutation's variables: empty optional texts are left out (the api refuses a blank text: docs/API.md "Bad input"). */
export function moveVariables(action: ReferralAction, id: string, values: MoveValues): Record<string, unknown> {
  const text = (value: string) => (value.trim() ? value : undefined);
  switch (action) {
    case 'DECLINE':
      return { id, reason: values.declineReason, note: text(values.note) };
    case 'RETURN':
      return { id, reason: values.returnReason, note: text(values.note) };
    case 'COMPLETE':
      return { id, outcome: values.outcome, note: text(values.note) };
    case 'EXTEND_DEADLINE':
      return { id, businessDays: Number(values.businessDays), reason: values.reason };
    case 'REASSIGN':
      return { id, organizationId: values.organizationId, note: text(values.note) };
    case 'WITHDRAW':
      return { id, reason: values.reason };
    case 'HOLD':
      return { id, resumeOn: values.resumeOn, reason: values.reason };
    case 'NOTE':
    case 'ESCALATE':
      return { id, note: values.note };
    default:
      return { id, note: text(values.note) };
  }
}

/** The api's names of a move's arguments → the form's fields (a decline's and a return's `reason` is the chosen code). */
function formField(action: ReferralAction, apiField: string): MoveField | null {
  if (apiField === 'reason') return action === 'DECLINE' ? 'declineReason' : action === 'RETURN' ? 'returnReason' : 'reason';
  const known: readonly string[] = ['organizationId', 'outcome', 'businessDays', 'resumeOn', 'note'];
  if (!known.includes(apiField)) return null;
  return MOVE_FIELDS[action].some((spec) => spec.field === apiField) ? (apiField as MoveField) : null;
}

/**
 * The api's refusal as the form shows it: each problem's messageJa by its field; anything not about a field of the
 * form (a conflict, no access, a network failure) under `form`, in the api's words.
 */
export function moveFailures(action: ReferralAction, error: CombinedError): FieldError[] {
  const first = error.graphQLErrors[0];
  if (!first) return [{ field: 'form', message: ja.errors.network }];
  const extensions = (first.extensions ?? {}) as Record<string, unknown>;
  const general = typeof extensions.messageJa === 'string' ? extensions.messageJa : ja.errors.unexpected;
  const problems = Array.isArray(extensions.problems) ? (extensions.problems as Array<Record<string, unknown>>) : [];
  const failures: FieldError[] = [];
  for (const problem of problems) {
    const field = typeof problem.field === 'string' ? formField(action, problem.field) : null;
    const message = typeof problem.messageJa === 'string' ? problem.messageJa : general;
    failures.push({ field: field ?? 'form', message });
  }
  if (!failures.length) {
    const fields = Array.isArray(extensions.fields) ? extensions.fields.filter((f): f is string => typeof f === 'string') : [];
    const field = fields.map((f) => formField(action, f)).find((f) => f !== null);
    failures.push({ field: field ?? 'form', message: general });
  }
  return failures;
}
