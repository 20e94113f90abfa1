// 新規依頼: choose the category, then the form made for it; the person and their consent (for a PERSON need); the
// partners routing would offer it to, in order, with the option to name one. The idempotency key is made when the form
// opens and kept with the draft, so a double click, a retry or a lost answer never makes two referrals.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useSessionEndedBy, useViewer } from '../../auth/session';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import type { NeedCategory } from '../../../shared/graphql/generated/graphql';
import { ja } from '../../../shared/i18n/ja';
import { Button } from '../../../shared/ui/Button';
import { ErrorSummary, type FieldError } from '../../../shared/ui/ErrorSummary';
import { Notice } from '../../../shared/ui/Notice';
import { TextField } from '../../../shared/ui/TextField';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { jstDateInputValue } from '../../../shared/dates/format';
import { DetailsFields } from './DetailsFields';
import { NewReferralAreasDocument, SubmitReferralDocument, SuggestedOrganizationsDocument } from './documents';
import { discardDraft, loadDraft, newClientRequestId, saveDraft, type ReferralDraft } from './draft';
import { ChoiceGroup, SelectField, TextAreaField, optionsOf } from './fields';
import { emptyValues, formFieldOf, toSubmitInput, validateNewReferral, type NewReferralValues } from './form-model';

const ID = 'new-referral';
const L = ja.newReferral;

/** Coordinators submit needs (the api refuses anyone else); other roles find no such screen. */
export function NewReferralPage() {
  const viewer = useViewer();
  if (viewer.role !== 'TIER1_COORDINATOR' && viewer.role !== 'TIER2_COORDINATOR') return <NotFoundPage />;
  return <NewReferralForm />;
}

function NewReferralForm() {
  usePageTitle(L.title);
  const viewer = useViewer();
  const navigate = useNavigate();
  const [{ data: areasData, error: areasError }] = useQuery({ query: NewReferralAreasDocument });
  useSessionEndedBy(areasError);
  const areas = useMemo(() => areasData?.areas ?? [], [areasData]);

  // The draft of an earlier visit (within 24 h), or a fresh form with its key made now.
  const [draft, setDraft] = useState<ReferralDraft>(
    () => loadDraft(viewer.id) ?? { clientRequestId: newClientRequestId(), startedAt: Date.now(), values: emptyValues() },
  );
  const [restored] = useState(() => loadDraft(viewer.id) !== null);
  const [discarded, setDiscarded] = useState(false);
  const { register, handleSubmit, watch, reset, setValue, getValues } = useForm<NewReferralValues>({ defaultValues: draft.values });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // Set at once on the first click (state reaches the button only after a render): a double click sends once.
  const sendingNow = useRef(false);
  const [, submitReferral] = useMutation(SubmitReferralDocument);

  // Every change the person makes is kept on the device, with the key (a reload or a lost connection loses nothing);
  // the form's own settings (the area filled in on opening) make no draft, so merely opening the form leaves none.
  useEffect(() => {
    const subscription = watch((values, { type }) => {
      if (type === 'change') saveDraft(viewer.id, { ...draft, values: values as NewReferralValues });
    });
    return () => subscription.unsubscribe();
  }, [watch, viewer.id, draft]);

  // A tier-2 coordinator's own area, once the areas are known (tier-1 has none and picks one).
  useEffect(() => {
    if (!getValues('areaCode') && viewer.area) {
      const own = areas.find((area) => area.id === viewer.area?.id);
      if (own) setValue('areaCode', own.code);
    }
  }, [areas, viewer.area, getValues, setValue]);

  const category = watch('category') as NeedCategory | '';
  const areaCode = watch('areaCode');
  const subjectKind = watch('subjectKind');
  const destination = watch('destination');
  const consentObtained = watch('consent.obtained');
  const [{ data: suggestionsData, fetching: suggestionsFetching }] = useQuery({
    query: SuggestedOrganizationsDocument,
    variables: { areaCode, category: (category || 'OTHER') as NeedCategory },
    pause: !category || !areaCode || destination !== 'PARTNER',
  });
  const suggestions = suggestionsData?.suggestedOrganizations ?? [];

  const idOf = (field: string) => `${ID}-${field}`;
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const field = (path: string) => ({ id: idOf(path), error: errorOf(path) });
  const showProblems = (problems: FieldError[]) => {
    setErrors(problems);
    if (problems.length) document.getElementById(idOf(problems[0].field))?.focus();
  };

  const onSubmit = handleSubmit(async (values) => {
    if (sendingNow.current) return;
    setFormError(null);
    const problems = validateNewReferral(values);
    if (problems.length) return showProblems(problems);
    setErrors([]);
    sendingNow.current = true;
    setSending(true);
    try {
      const result = await submitReferral({ input: toSubmitInput(values, draft.clientRequestId) });
      const id = result.data?.submitReferral.id;
      if (id) {
        discardDraft(viewer.id);
        await navigate(`/referrals/${id}`);
        return;
      }
      const refused = submitFailure(result.error);
      showProblems(refused.fields);
      setFormError(refused.general);
    } finally {
      sendingNow.current = false;
      setSending(false);
    }
  });

  const onDiscard = () => {
    discardDraft(viewer.id);
    const own = areas.find((area) => area.id === viewer.area?.id);
    const fresh = { clientRequestId: newClientRequestId(), startedAt: Date.now(), values: emptyValues(own?.code ?? '') };
    setDraft(fresh);
    reset(fresh.values);
    setErrors([]);
    setFormError(null);
    setDiscarded(true);
  };

  const areaOptions = areas.map((area): [string, string] => [area.code, area.name]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-std-32B-150">{L.title}</h1>
      <p>{L.lead}</p>
      {restored && !discarded && <Notice>{L.draftRestored}</Notice>}
      {discarded && <Notice>{L.discarded}</Notice>}
      <ErrorSummary errors={errors} idPrefix={ID} />
      {formError && (
        <div role="alert" className="rounded-8 border-2 border-error-1 bg-white p-4 text-error-2">
          {formError}
        </div>
      )}
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-8" aria-label={L.title}>
        <section className="flex flex-col gap-6">
          <SelectField
            {...field('category')}
            label={L.category}
            hint={L.categoryHint}
            required
            options={optionsOf(ja.enums.category)}
            registration={register('category')}
          />
          <SelectField {...field('areaCode')} label={L.area} required options={areaOptions} registration={register('areaCode')} />
          <ChoiceGroup
            {...field('subjectKind')}
            legend={L.subjectKind}
            required
            type="radio"
            options={optionsOf(ja.enums.subjectKind)}
            registration={register('subjectKind')}
          />
          <TextAreaField {...field('summary')} label={L.summary} hint={L.summaryHint} required maxLength={2000} registration={register('summary')} />
        </section>

        {category && (
          <section aria-labelledby={`${ID}-details-title`} className="flex flex-col gap-6 rounded-12 border border-solid-gray-200 p-6">
            <h2 id={`${ID}-details-title`} className="text-std-20B-150">
              {L.detailsTitle(ja.enums.category[category])}
            </h2>
            <DetailsFields category={category} register={register} errorOf={errorOf} idOf={idOf} areas={areas} />
          </section>
        )}

        {subjectKind === 'PERSON' && (
          <section aria-labelledby={`${ID}-person-title`} className="flex flex-col gap-6 rounded-12 border border-solid-gray-200 p-6">
            <h2 id={`${ID}-person-title`} className="text-std-20B-150">
              {L.personTitle}
            </h2>
            <p>{L.personLead}</p>
            <TextField {...field('subject.displayName')} label={L.displayName} required autoComplete="off" {...register('subject.displayName')} />
            <TextField {...field('subject.nameKana')} label={L.nameKana} hint={L.nameKanaHint} autoComplete="off" {...register('subject.nameKana')} />
            <TextField {...field('subject.ageBand')} label={L.ageBand} hint={L.ageBandHint} autoComplete="off" {...register('subject.ageBand')} />
            <TextField {...field('subject.contact')} label={L.contact} hint={L.contactHint} autoComplete="off" {...register('subject.contact')} />
            <h2 className="text-std-20B-150">{L.consentTitle}</h2>
            <p id={`${ID}-consent-explanation`}>{L.consentExplanation}</p>
            <div className="flex flex-col gap-2">
              <div className="flex min-h-11 items-center gap-2">
                <input
                  id={idOf('consent.obtained')}
                  type="checkbox"
                  className="size-6"
                  aria-describedby={[`${ID}-consent-explanation`, errorOf('consent.obtained') && `${idOf('consent.obtained')}-error`]
                    .filter(Boolean)
                    .join(' ')}
                  aria-invalid={errorOf('consent.obtained') ? true : undefined}
                  {...register('consent.obtained')}
                />
                <label htmlFor={idOf('consent.obtained')} className="text-std-16B-170">
                  {L.consentObtained}
                </label>
              </div>
              {errorOf('consent.obtained') && (
                <p id={`${idOf('consent.obtained')}-error`} className="text-std-16N-170 text-error-2">
                  {errorOf('consent.obtained')}
                </p>
              )}
            </div>
            {consentObtained && (
              <>
                <TextField {...field('consent.method')} label={L.consentMethod} hint={L.consentMethodHint} required {...register('consent.method')} />
                <TextField
                  {...field('consent.obtainedOn')}
                  label={L.consentDate}
                  type="date"
                  required
                  min="1900-01-01"
                  max={jstDateInputValue(new Date())}
                  {...register('consent.obtainedOn')}
                />
                <TextField {...field('consent.givenBy')} label={L.consentGivenBy} hint={L.consentGivenByHint} {...register('consent.givenBy')} />
              </>
            )}
          </section>
        )}

        <section aria-labelledby={`${ID}-destination-title`} className="flex flex-col gap-6 rounded-12 border border-solid-gray-200 p-6">
          <h2 id={`${ID}-destination-title`} className="text-std-20B-150">
            {L.destinationTitle}
          </h2>
          <ChoiceGroup
            {...field('destination')}
            legend={L.destinationTitle}
            type="radio"
            options={[
              ['PARTNER', L.destinationPartner],
              ['TIER1', L.destinationTier1],
            ]}
            registration={register('destination')}
          />
          {destination === 'PARTNER' && (
            <div className="flex flex-col gap-2" aria-live="polite">
              <h3 className="text-std-18B-160">{L.suggestionsTitle}</h3>
              {!category || !areaCode ? (
                <p>{L.suggestionsNeedCategory}</p>
              ) : suggestionsFetching && !suggestionsData ? (
                <p>{ja.app.loading}</p>
              ) : suggestions.length === 0 ? (
                <p>{L.suggestionsEmpty}</p>
              ) : (
                <>
                  <p>{L.suggestionsLead}</p>
                  <ol className="list-decimal pl-6" aria-label={L.suggestionsTitle}>
                    {suggestions.map((organization) => (
                      <li key={organization.id}>
                        {organization.name}
                        {organization.answeredByProxy && <span className="text-solid-gray-700">{L.proxyNote}</span>}
                      </li>
                    ))}
                  </ol>
                  <ChoiceGroup
                    {...field('organizationId')}
                    legend={ja.coordinatorHome.organization}
                    type="radio"
                    options={[['', L.routingDecides], ...suggestions.map((organization): [string, string] => [organization.id, organization.name])]}
                    registration={register('organizationId')}
                  />
                </>
              )}
            </div>
          )}
        </section>

        <div className="flex flex-wrap gap-4">
          <Button type="submit" disabled={sending}>
            {sending ? L.submitting : L.submit}
          </Button>
          <Button variant="secondary" onClick={onDiscard} disabled={sending}>
            {L.discard}
          </Button>
        </div>
      </form>
    </div>
  );
}

interface Problem {
  field?: unknown;
  messageJa?: unknown;
}

/** The api's refusal: each problem's Japanese message by its field, the rest (and network trouble) above the form. */
export function submitFailure(error: CombinedError | undefined): { fields: FieldError[]; general: string | null } {
  if (!error) return { fields: [], general: ja.errors.unexpected };
  const first = error.graphQLErrors[0];
  if (!first) return { fields: [], general: error.networkError ? ja.errors.network : ja.errors.unexpected };
  const extensions = (first.extensions ?? {}) as { messageJa?: unknown; problems?: unknown; fields?: unknown };
  const general = typeof extensions.messageJa === 'string' ? extensions.messageJa : ja.errors.unexpected;
  const problems: Problem[] = Array.isArray(extensions.problems) ? (extensions.problems as Problem[]) : [];
  const fields: FieldError[] = [];
  let unplaced = false;
  for (const problem of problems) {
    const formField = typeof problem.field === 'string' ? formFieldOf(problem.field) : null;
    const message = typeof problem.messageJa === 'string' ? problem.messageJa : general;
    if (formField && !fields.some((f) => f.field === formField)) fields.push({ field: formField, message });
    else if (!formField) unplaced = true;
  }
  return { fields, general: fields.length && !unplaced ? null : `${ja.newReferral.failed}${general}` };
}
