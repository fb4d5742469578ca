import { describe, expect, it } from 'vitest';
import * as errors from './domain/errors.js';
import { HttpError } from '@shoplane/lambda-kit';
import { problems } from './problems.js';

describe('users\' problem table', () => {
  it('answers every error users\' domain defines', () => {
    expect(problems.unmappedIn(errors)).toEqual([]);
  });

  it('answers too many attempts as 429 with the error\'s own Retry-After', () => {
    const answer = problems.toHttpError(new errors.TooManyAttemptsError(42));

    expect(answer).toBeInstanceOf(HttpError);
    expect(answer).toMatchObject({ status: 429, problemType: 'too-many-attempts', headers: { 'retry-after': '42' } });
  });

  it('leaves the other answers as the table says', () => {
    expect(problems.toHttpError(new errors.InvalidCredentialsError())).toMatchObject({ status: 401, headers: { 'www-authenticate': 'Bearer' } });
  });
});
