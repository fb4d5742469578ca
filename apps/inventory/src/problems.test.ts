import { BusyError } from '@shoplane/contracts';
import { toProblemResponse } from '@shoplane/lambda-kit';
import { describe, expect, it } from 'vitest';
import * as errors from './domain/errors.js';
import { problems } from './problems.js';

describe('inventory\'s problem table', () => {
  it('answers every error inventory\'s domain defines', () => {
    expect(problems.unmappedIn(errors)).toEqual([]);
  });

  it('answers contended stock as 503 service-unavailable with retry-after, as before BusyError', () => {
    const response = toProblemResponse(problems.toHttpError(new BusyError('stock')));

    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('1');
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ type: 'https://shoplane.dev/problems/service-unavailable' });
  });
});
