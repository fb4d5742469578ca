import { BusyError, ProductNotFoundError } from '@shoplane/contracts';
import { toProblemResponse } from '@shoplane/lambda-kit';
import { describe, expect, it } from 'vitest';
import * as errors from './domain/errors.js';
import { problems } from './problems.js';

describe('carts\' problem table', () => {
  it('answers every error carts\' domain defines', () => {
    expect(problems.unmappedIn(errors)).toEqual([]);
  });

  it('answers the shared ProductNotFoundError its domain throws', () => {
    expect(problems.maps(ProductNotFoundError)).toBe(true);
  });

  it('answers a contended cart as 409 cart-busy with retry-after, as before BusyError', () => {
    const response = toProblemResponse(problems.toHttpError(new BusyError('cart')));

    expect(response.statusCode).toBe(409);
    expect(response.headers?.['retry-after']).toBe('1');
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({
      type: 'https://shoplane.dev/problems/cart-busy',
      detail: 'The cart is being changed by other requests; try again.',
    });
  });
});
