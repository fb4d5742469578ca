import { useState } from 'react';
import { ApiError, messageOf } from '../api/errors.js';
import { placeFieldErrors } from '../domain/field-errors.js';

export interface FormErrors {
  byField: Record<string, string>;
  /** The message above the form: what failed, and any error no field shows. */
  summary?: string;
}

/**
 * Runs a form's submission and turns a failure into messages: problem+json `errors` go
 * next to the fields they name, the rest above the form.
 */
export function useFormErrors(fields: readonly string[], aliases: Record<string, string> = {}) {
  const [errors, setErrors] = useState<FormErrors>({ byField: {} });
  const [busy, setBusy] = useState(false);

  async function submit(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    setErrors({ byField: {} });
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.violations.length > 0) {
        const placed = placeFieldErrors(error.violations, fields, aliases);
        // The API's own detail points developers at `errors`; a person is pointed at the fields instead.
        const rest = placed.unplaced.map((violation) => `${violation.path}: ${violation.message}.`);
        const lead = Object.keys(placed.byField).length > 0 ? 'Please correct the fields marked below.' : 'The shop could not accept this:';
        setErrors({ byField: placed.byField, summary: [lead, ...rest].join(' ') });
      } else {
        setErrors({ byField: {}, summary: messageOf(error) });
      }
    } finally {
      setBusy(false);
    }
  }

  return { errors, setErrors, busy, submit };
}
