import { DomainError } from '@shoplane/contracts';

// ProductNotFoundError is shared (carts and orders give the same answer): it lives in @shoplane/contracts.

/** Only a caller choosing its own id (the seed) can meet this; generated ids never collide. */
export class ProductAlreadyExistsError extends DomainError {
  constructor() {
    super('product-already-exists', 'A product with this id already exists.');
  }
}

/** Another edit kept winning the race for this product; the request changed nothing and may be retried. */
export class ProductChangedConcurrentlyError extends DomainError {
  constructor() {
    super('product-changed-concurrently', 'The product was changed by another request at the same time; retry.');
  }
}

/** Garbage, forged, or issued for other filters: the client should start the listing again. */
export class InvalidCursorError extends DomainError {
  constructor() {
    super('invalid-cursor', 'The cursor is not valid for this query; start again without it.');
  }
}

/** Each bound is valid alone; together they select nothing, which is a client mistake, not an empty page. */
export class InvertedPriceRangeError extends DomainError {
  constructor() {
    super('validation-failed', 'The request is not valid; see `errors`.', {
      violations: [{ path: 'query.minPrice', message: 'must not be greater than maxPrice' }],
    });
  }
}
