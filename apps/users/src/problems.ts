import { defineProblems, HttpError, problem, ProblemTable } from '@shoplane/lambda-kit';
import { EmailAlreadyRegisteredError, InvalidCredentialsError, TooManyAttemptsError, UserNotFoundError } from './domain/errors.js';

/**
 * A problem rule's headers are fixed, but a throttled attempt's Retry-After is the time
 * until its own window frees a slot: this table adds it from the error.
 */
class UsersProblemTable extends ProblemTable {
  override toHttpError(error: unknown): unknown {
    const answer = super.toHttpError(error);
    if (!(error instanceof TooManyAttemptsError) || !(answer instanceof HttpError)) return answer;
    return new HttpError(answer.status, answer.problemType, {
      detail: answer.detail,
      errors: answer.errors,
      cause: error,
      headers: { ...answer.headers, 'retry-after': String(error.retryAfterSeconds) },
    });
  }
}

/** How users' domain errors are answered over HTTP: the one table every users handler passes on. */
export const problems = new UsersProblemTable(
  defineProblems(
    problem(EmailAlreadyRegisteredError, { status: 409 }),
    problem(InvalidCredentialsError, { status: 401, headers: { 'www-authenticate': 'Bearer' } }),
    problem(TooManyAttemptsError, { status: 429 }),
    problem(UserNotFoundError, { status: 404 }),
  ).rules,
);
