// The form's inputs beyond TextField: a select, a text area, radio and checkbox groups (a fieldset with its legend).
// Each ties its hint and error to itself (aria-describedby) and is marked invalid while its error stands. A group's
// first input carries the group's id, so the error summary's link lands on it.
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ja } from '../../../shared/i18n/ja';

interface Described {
  id: string;
  hint?: string;
  error?: string;
}

function describedBy({ id, hint, error }: Described): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

function Label({ htmlFor, children, required }: { htmlFor?: string; children: ReactNode; required?: boolean }) {
  return (
    <label htmlFor={htmlFor} className="text-std-16B-170">
      {children}
      {required && <span className="ml-2 rounded-4 bg-white px-1 text-dns-14N-130 text-error-2">{ja.form.requiredMark}</span>}
    </label>
  );
}

function HintAndError({ id, hint, error }: Described) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-dns-14N-130 text-solid-gray-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-std-16N-170 text-error-2">
          {error}
        </p>
      )}
    </>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  options,
  registration,
  ...rest
}: Described & {
  label: string;
  required?: boolean;
  options: Array<[string, string]>;
  registration: UseFormRegisterReturn;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      <HintAndError id={id} hint={hint} />
      <select
        id={id}
        aria-describedby={describedBy({ id, hint, error })}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        className={`min-h-12 w-full max-w-md rounded-8 border bg-white px-4 py-3 text-std-16N-170 ${error ? 'border-2 border-error-1' : 'border-solid-gray-600'}`}
        {...rest}
        {...registration}
      >
        <option value="">{ja.newReferral.unset}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <HintAndError id={id} error={error} />
    </div>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  required,
  registration,
  ...rest
}: Described & { label: string; required?: boolean; registration: UseFormRegisterReturn } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      <HintAndError id={id} hint={hint} />
      <textarea
        id={id}
        rows={4}
        aria-describedby={describedBy({ id, hint, error })}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        className={`w-full max-w-2xl rounded-8 border bg-white px-4 py-3 text-std-16N-170 ${error ? 'border-2 border-error-1' : 'border-solid-gray-600'}`}
        {...rest}
        {...registration}
      />
      <HintAndError id={id} error={error} />
    </div>
  );
}

/** Radio buttons (one of) or checkboxes (any of) under a legend. */
export function ChoiceGroup({
  id,
  legend,
  hint,
  error,
  required,
  type,
  options,
  registration,
}: Described & {
  legend: string;
  required?: boolean;
  type: 'radio' | 'checkbox';
  options: Array<[string, string]>;
  registration: UseFormRegisterReturn;
}) {
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy({ id, hint, error })} aria-invalid={error ? true : undefined}>
      <legend className="text-std-16B-170">
        {legend}
        {required && <span className="ml-2 rounded-4 bg-white px-1 text-dns-14N-130 text-error-2">{ja.form.requiredMark}</span>}
      </legend>
      <HintAndError id={id} hint={hint} />
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {options.map(([value, text], index) => {
          const inputId = index === 0 ? id : `${id}-${value}`;
          return (
            <div key={value} className="flex min-h-11 items-center gap-2">
              <input id={inputId} type={type} value={value} className="size-6" aria-invalid={error ? true : undefined} {...registration} />
              <label htmlFor={inputId} className="text-std-16N-170">
                {text}
              </label>
            </div>
          );
        })}
      </div>
      <HintAndError id={id} error={error} />
    </fieldset>
  );
}

export { optionsOf } from '../../../shared/ui/options';

export const YES_NO: Array<[string, string]> = [
  ['yes', ja.newReferral.yes],
  ['no', ja.newReferral.no],
];
