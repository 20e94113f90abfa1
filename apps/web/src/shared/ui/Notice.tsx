import type { ReactNode } from 'react';

/** A short message that says what just happened (signed out, password changed), read out politely. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-8 border border-blue-900 bg-blue-50 p-4 text-std-16N-170">
      {children}
    </p>
  );
}
