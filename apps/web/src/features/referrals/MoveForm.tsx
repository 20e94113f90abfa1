// One move on a referral as a small form (the fields MOVE_FIELDS names), opened from its button. Sends nothing while
// a required field is empty; shows the api's refusal (messageJa) by its field, announced; on success tells the page,
// which refetches the referral so it shows the new state.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery } from 'urql';
import type { NeedCategory, ReferralAction } from '../../shared/graphql/generated/graphql';
import { ja } from '../../shared/i18n/ja';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary, type FieldError } from '../../shared/ui/ErrorSummary';
import { TextField } from '../../shared/ui/TextField';
import {
  AcceptReferralDocument,
  AddReferralNoteDocument,
  CompleteReferralDocument,
  DeclineReferralDocument,
  EscalateReferralDocument,
  ExtendReferralDeadlineDocument,
  HoldReferralDocument,
  ReassignReferralDocument,
  ResumeReferralDocument,
  ReturnReferralDocument,
  StartReferralDocument,
  ReassignSuggestionsDocument,
  TakeReferralDocument,
  WithdrawReferralDocument,
} from './documents';
import { fieldLabel, MOVE_FIELDS, moveFailures, moveVariables, validateMove, EMPTY_MOVE, type MoveField, type MoveValues } from './moves';
import { SelectField, TextAreaField } from './fields';

const DOCUMENTS = {
  ACCEPT: AcceptReferralDocument,
  DECLINE: DeclineReferralDocument,
  START: StartReferralDocument,
  COMPLETE: CompleteReferralDocument,
  RETURN: ReturnReferralDocument,
  EXTEND_DEADLINE: ExtendReferralDeadlineDocument,
  NOTE: AddReferralNoteDocument,
  REASSIGN: ReassignReferralDocument,
  ESCALATE: EscalateReferralDocument,
  WITHDRAW: WithdrawReferralDocument,
  HOLD: HoldReferralDocument,
  RESUME: ResumeReferralDocument,
  TAKE: TakeReferralDocument,
} as const;

const options = (table: Record<string, string>) => Object.entries(table).map(([value, label]) => ({ value, label }));

/** The button's words: the move, marked when a coordinator makes it for a partner without users. */
export function moveLabel(action: ReferralAction, proxy: boolean): string {
  return proxy ? `${ja.moves.proxyPrefix}${ja.moves.actions[action]}` : ja.moves.actions[action];
}

export interface MoveFormProps {
  referralId: string;
  action: ReferralAction;
  proxy: boolean;
  /** For REASSIGN's suggestions. */
  areaCode?: string;
  category?: NeedCategory;
  /** Makes the fields' ids unique when several forms are on one page (the inbox's rows). */
  idPrefix: string;
  onDone: (action: ReferralAction) => void;
  onCancel: () => void;
}

export function MoveForm({ referralId, action, proxy, areaCode, category, idPrefix, onDone, onCancel }: MoveFormProps) {
  const [, send] = useMutation(DOCUMENTS[action]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { register, handleSubmit, formState, setFocus } = useForm<MoveValues>({ defaultValues: EMPTY_MOVE });
  const specs = MOVE_FIELDS[action];
  const [suggestions] = useQuery({
    query: ReassignSuggestionsDocument,
    variables: { areaCode: areaCode ?? '', category: category ?? 'OTHER' },
    pause: action !== 'REASSIGN' || !areaCode || !category,
  });

  // The form opens with its first field (or its button) focused, so keyboard users go on where they are.
  const first = specs[0]?.field;
  useEffect(() => {
    if (first) setFocus(first);
    else document.getElementById(`${idPrefix}-submit`)?.focus();
  }, [first, idPrefix, setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    const problems = validateMove(action, values);
    setErrors(problems);
    if (problems.length) return setFocus(problems[0].field as MoveField);
    // The documents differ only in their variables, which moveVariables makes for this action.
    const result = await (send as (variables: Record<string, unknown>) => ReturnType<typeof send>)(moveVariables(action, referralId, values));
    if (!result.error) return onDone(action);
    const failures = moveFailures(action, result.error);
    setErrors(failures);
    const firstField = failures.find((f) => f.field !== 'form')?.field;
    if (firstField) setFocus(firstField as MoveField);
  });

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const formError = errors.filter((e) => e.field === 'form');
  const id = (field: MoveField) => `${idPrefix}-${field}`;
  const title = moveLabel(action, proxy);
  return (
    <form noValidate onSubmit={onSubmit} aria-label={title} className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-4">
      <h3 className="text-std-18B-160">{title}</h3>
      <ErrorSummary errors={errors.filter((e) => e.field !== 'form')} idPrefix={idPrefix} />
      {formError.length > 0 && (
        <p role="alert" className="text-std-16N-170 text-error-2">
          {formError.map((e) => e.message).join(' ')}
        </p>
      )}
      {specs.map(({ field, required }) => {
        const common = { id: id(field), label: fieldLabel(action, field), required, error: errorOf(field) };
        switch (field) {
          case 'declineReason':
            return <SelectField key={field} {...common} options={options(ja.labels.declineReason)} {...register(field)} />;
          case 'returnReason':
            return <SelectField key={field} {...common} options={options(ja.labels.returnReason)} {...register(field)} />;
          case 'outcome':
            return <SelectField key={field} {...common} options={options(ja.labels.outcome)} {...register(field)} />;
          case 'organizationId':
            return (
              <SelectField
                key={field}
                {...common}
                hint={
                  suggestions.fetching
                    ? ja.moves.organizationsLoading
                    : suggestions.data?.suggestedOrganizations.length === 0
                      ? ja.moves.organizationsNone
                      : ja.moves.organizationHint
                }
                options={(suggestions.data?.suggestedOrganizations ?? []).map((o) => ({ value: o.id, label: o.name }))}
                {...register(field)}
              />
            );
          case 'businessDays':
            return (
              <TextField
                key={field}
                {...common}
                hint={ja.moves.businessDaysHint}
                type="number"
                inputMode="numeric"
                min={1}
                max={30}
                {...register(field)}
              />
            );
          case 'resumeOn':
            return <TextField key={field} {...common} hint={ja.moves.resumeOnHint} type="date" {...register(field)} />;
          case 'reason':
          case 'note':
            return <TextAreaField key={field} {...common} {...register(field)} />;
        }
      })}
      <div className="flex flex-wrap gap-4">
        <Button id={`${idPrefix}-submit`} type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? ja.moves.sending : proxy ? `${ja.moves.proxyPrefix}${ja.moves.submit[action]}` : ja.moves.submit[action]}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {ja.moves.cancel}
        </Button>
      </div>
    </form>
  );
}
