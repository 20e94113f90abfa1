// The list of what is wrong in a form, shown above it after a failed submit and announced at once (role="alert"),
// each item a link to its field.
import { ja } from '../i18n/ja';

export interface FieldError {
  field: string;
  message: string;
}

export function ErrorSummary({ errors, idPrefix }: { errors: FieldError[]; idPrefix: string }) {
  if (!errors.length) return null;
  return (
    <div role="alert" className="rounded-8 border-2 border-error-1 bg-white p-4">
      <h2 className="text-std-18B-160 text-error-2">{ja.form.errorSummaryTitle}</h2>
      <ul className="mt-2 list-disc pl-6">
        {errors.map(({ field, message }) => (
          <li key={`${field}-${message}`}>
            <a href={`#${idPrefix}-${field}`} className="text-blue-1000 underline">
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
