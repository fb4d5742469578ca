import { defineProblems, problem } from '@shoplane/lambda-kit';
import { EmailAlreadyRegisteredError, InvalidCredentialsError, TooManyAttemptsError, UserNotFoundError } from './domain/errors.js';

/** How users' domain errors are answered over HTTP: the one table every users handler passes on. */
export const problems = defineProblems(
  problem(EmailAlreadyRegisteredError, { status: 409 }),
  problem(InvalidCredentialsError, { status: 401, headers: { 'www-authenticate': 'Bearer' } }),
  // The wait is the attempt's own: until its window frees a slot.
  problem(TooManyAttemptsError, { status: 429, headers: (error) => ({ 'retry-after': String(error.retryAfterSeconds) }) }),
  problem(UserNotFoundError, { status: 404 }),
);
