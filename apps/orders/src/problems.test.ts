import { DomainError } from '@shoplane/contracts';
import { describe, expect, it } from 'vitest';
import * as errors from './domain/errors.js';
import { problems } from './problems.js';

type DomainErrorClass = abstract new (...args: never[]) => DomainError;
const errorClasses: [string, DomainErrorClass][] = Object.entries(errors).filter(([, value]) => value.prototype instanceof DomainError);

describe('the orders problem table', () => {
  it('finds every domain error of orders', () => {
    expect(errorClasses.map(([name]) => name).sort()).toEqual([
      'EmptyOrderError',
      'InsufficientStockError',
      'MixedCurrenciesError',
      'OrderCancelledError',
      'OrderNotCancellableError',
      'OrderNotFoundError',
      'OrderNotPayableError',
      'OrderStatusConflictError',
      'ProductsUnavailableError',
    ]);
  });

  it.each(errorClasses)('maps %s to an answer, so none of them is ever a 500', (_name, errorClass) => {
    expect(problems.maps(errorClass)).toBe(true);
  });

  it('answers a refusal with the error\'s code as the problem type and its violations as field errors', () => {
    const answer = problems.toHttpError(new errors.ProductsUnavailableError([{ path: 'items.0.productId', message: 'names no product' }], ['prd_x']));

    expect(answer).toMatchObject({ status: 422, problemType: 'products-unavailable', errors: [{ path: 'items.0.productId', message: 'names no product' }] });
  });
});
