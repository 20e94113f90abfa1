import type { Option } from './options';

/** A labelled <select> (the home's and the reports' filters); `any` is the empty choice's label (no filter), when there is one. */
export function Select({
  id,
  label,
  value,
  onChange,
  any,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  any?: string;
  options: ReadonlyArray<Option>;
}) {
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-std-16B-170">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="min-h-12 w-full max-w-md rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170"
      >
        {any !== undefined && <option value="">{any}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}
