import { DomainError } from '@shoplane/contracts';
import { describe, expect, it } from 'vitest';
import * as errors from './domain/errors.js';
import { problems } from './problems.js';

type DomainErrorClass = abstract new (...args: never[]) => DomainError;
const errorClasses: [string, DomainErrorClass][] = Object.entries(errors).filter(([, value]) => value.prototype instanceof DomainError);

describe('the analytics problem table', () => {
  it('finds every domain error of analytics\' reads', () => {
    expect(errorClasses.map(([name]) => name).sort()).toEqual(['InvalidCursorError', 'InvalidRangeError']);
  });

  it.each(errorClasses)('maps %s to an answer, so none of them is ever a 500', (_name, errorClass) => {
    expect(problems.maps(errorClass)).toBe(true);
  });

  it('answers a range it will not read with 422, naming `query.from`', () => {
    expect(problems.toHttpError(new errors.InvalidRangeError('too long'))).toMatchObject({ status: 422, problemType: 'invalid-range', errors: [{ path: 'query.from', message: 'too long' }] });
  });
});
