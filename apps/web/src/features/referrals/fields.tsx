// A labelled select and text area with their error tied to them, like shared/ui/TextField.
import type { Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { ja } from '../../shared/i18n/ja';

interface Common {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Label({ id, label, required, hint }: Common) {
  return (
    <>
      <label htmlFor={id} className="text-std-16B-170">
        {label}
        {required && <span className="ml-2 rounded-4 bg-white px-1 text-dns-14N-130 text-error-2">{ja.form.requiredMark}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-dns-14N-130 text-solid-gray-700">
          {hint}
        </p>
      )}
    </>
  );
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="text-std-16N-170 text-error-2">
      {error}
    </p>
  ) : null;
}

const BOX = 'w-full max-w-md rounded-8 bg-white px-4 py-3 text-std-16N-170';
const border = (error?: string) => (error ? 'border-2 border-error-1' : 'border border-solid-gray-600 hover:border-black');

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  options,
  ref,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: Array<{ value: string; label: string }>; ref?: Ref<HTMLSelectElement> }) {
  return (
    <div className="flex flex-col gap-2">
      <Label id={id} label={label} hint={hint} required={required} />
      <select
        id={id}
        ref={ref}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        className={`min-h-12 ${BOX} ${border(error)}`}
        {...select}
      >
        <option value="">{ja.moves.choose}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  required,
  ref,
  ...textarea
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <div className="flex flex-col gap-2">
      <Label id={id} label={label} hint={hint} required={required} />
      <textarea
        id={id}
        ref={ref}
        rows={3}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        className={`${BOX} ${border(error)}`}
        {...textarea}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}
