import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-blue-900 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200 disabled:bg-solid-gray-300',
  secondary: 'border border-blue-900 bg-white text-blue-900 hover:bg-blue-50 hover:underline active:bg-blue-100',
};

/** The Digital Agency's button: at least 44 px tall (touch), underline on hover, the shared focus ring. */
export function Button({ variant = 'primary', className = '', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      type="button"
      className={`inline-flex min-h-11 items-center justify-center rounded-8 px-4 py-2 text-oln-16B-100 ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
