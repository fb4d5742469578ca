import { defineProblems, problem } from '@shoplane/lambda-kit';
import { EmailAlreadyRegisteredError, InvalidCredentialsError, UserNotFoundError } from './domain/errors.js';

/** How users' domain errors are answered over HTTP: the one table every users handler passes on. */
export const problems = defineProblems(
  problem(EmailAlreadyRegisteredError, { status: 409 }),
  problem(InvalidCredentialsError, { status: 401, headers: { 'www-authenticate': 'Bearer' } }),
  problem(UserNotFoundError, { status: 404 }),
);
