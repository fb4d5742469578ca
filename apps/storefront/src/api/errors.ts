import type { Problem } from '@shoplane/api-client';
import type { FieldViolation } from '../domain/field-errors.js';

/** An API call that did not succeed: the problem+json the API answered, typed, with its field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly violations: FieldViolation[];

  constructor(status: number, problem: Partial<Problem>) {
    super(problem.detail ?? problem.title ?? `The request failed (${status}).`);
    this.name = 'ApiError';
    this.status = status;
    this.type = problem.type ?? 'about:blank';
    this.violations = problem.errors ?? [];
  }
}

function isProblem(body: unknown): body is Partial<Problem> {
  return typeof body === 'object' && body !== null && ('title' in body || 'detail' in body || 'errors' in body);
}

/** openapi-fetch's `{ data, error, response }` → the data, or an ApiError with the problem's fields. */
export function unwrap<Data>(result: { data?: Data; error?: unknown; response: Response }): Data {
  const { data, error, response } = result;
  if (response.ok && error === undefined) {
    if (data === undefined) throw new ApiError(response.status, { detail: 'The API answered without a body.' });
    return data;
  }
  throw new ApiError(response.status, isProblem(error) ? error : { detail: `The request failed (${response.status}).` });
}

/** What to tell the person about a failure of any kind. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The shop cannot be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}
