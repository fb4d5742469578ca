import { BadRequestError, ConflictError, NotFoundError } from '@shoplane/lambda-kit';

/** Also the answer for an archived product: archived products are gone from the public catalogue. */
export class ProductNotFoundError extends NotFoundError {
  constructor() {
    super('No product has this id.', 'product-not-found');
  }
}

/** Only a caller choosing its own id (the seed) can meet this; generated ids never collide. */
export class ProductAlreadyExistsError extends ConflictError {
  constructor() {
    super('A product with this id already exists.', 'product-already-exists');
  }
}

/** Another edit kept winning the race for this product; the request changed nothing and may be retried. */
export class ProductChangedConcurrentlyError extends ConflictError {
  constructor() {
    super('The product was changed by another request at the same time; retry.', 'product-changed-concurrently', {
      headers: { 'retry-after': '1' },
    });
  }
}

/** Garbage, forged, or issued for other filters: the client should start the listing again. */
export class InvalidCursorError extends BadRequestError {
  constructor() {
    super('The cursor is not valid for this query; start again without it.', 'invalid-cursor');
  }
}
