import type { ReactNode } from 'react';
import { messageOf } from '../api/errors.js';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="alert" role="alert">
      <p>{typeof error === 'string' ? error : messageOf(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}
