// A labelled input with its hint and its error tied to it (aria-describedby), marked invalid (aria-invalid) while the
// error stands: screen readers read label, hint and error together.
import type { InputHTMLAttributes, Ref } from 'react';
import { ja } from '../i18n/ja';

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ id, label, hint, error, required, className = '', ref, ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`flex flex-col gap-2 ${className}`}>
      <label htmlFor={id} className="text-std-16B-170">
        {label}
        {required && <span className="ml-2 rounded-4 bg-white px-1 text-dns-14N-130 text-error-2">{ja.form.requiredMark}</span>}
      </label>
      {hint && (
        <p id={hintId} className="text-dns-14N-130 text-solid-gray-700">
          {hint}
        </p>
      )}
      <input
        id={id}
        ref={ref}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        className={`min-h-12 w-full max-w-md rounded-8 border bg-white px-4 py-3 text-std-16N-170 ${error ? 'border-2 border-error-1' : 'border-solid-gray-600 hover:border-black'}`}
        {...input}
      />
      {error && (
        <p id={errorId} className="text-std-16N-170 text-error-2">
          {error}
        </p>
      )}
    </div>
  );
}
