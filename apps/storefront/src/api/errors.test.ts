import { describe, expect, it } from 'vitest';
import { ApiError, messageOf, unwrap } from './errors.js';

const response = (status: number) => new Response(null, { status });

describe('unwrap', () => {
  it('answers the data of a success', () => {
    expect(unwrap({ data: { ok: 1 }, response: response(200) })).toEqual({ ok: 1 });
  });

  it('turns a problem+json answer into an ApiError carrying its field errors', () => {
    const problem = {
      type: 'validation-failed',
      title: 'Validation failed',
      status: 422,
      detail: 'The request is not valid.',
      errors: [{ path: 'email', message: 'must be an e-mail address' }],
    };

    const failure = (() => {
      try {
        unwrap({ error: problem, response: response(422) });
      } catch (error) {
        return error;
      }
      return undefined;
    })();

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 422, type: 'validation-failed', message: 'The request is not valid.', violations: problem.errors });
  });

  it('still fails clearly when the body is not a problem', () => {
    expect(() => unwrap({ error: 'Bad Gateway', response: response(502) })).toThrow('The request failed (502).');
  });
});

describe('messageOf', () => {
  it('says the shop is unreachable when fetch itself failed', () => {
    expect(messageOf(new TypeError('Failed to fetch'))).toMatch(/cannot be reached/);
    expect(messageOf(new ApiError(409, { detail: 'Not enough stock.' }))).toBe('Not enough stock.');
  });
});
