import { ConflictError, HttpError, NotFoundError } from '@shoplane/lambda-kit';
import type { ReservationShortfall } from './stock.js';

export class StockNotFoundError extends NotFoundError {
  constructor() {
    super('Inventory has no stock record for this product.', 'stock-not-found');
  }
}

/**
 * A reservation naming a product inventory does not know (never created, or its
 * ProductCreated not processed yet). 404 rather than 422: the request is well formed,
 * it refers to something that does not exist here.
 */
export class UnknownProductError extends HttpError {
  constructor(unknownLines: number[]) {
    super(404, 'unknown-product', {
      detail: 'Inventory has no stock record for some products; see `errors`.',
      errors: unknownLines.map((index) => ({ path: `items.${index}.productId`, message: 'has no stock record' })),
    });
  }
}

export class InsufficientStockError extends ConflictError {
  constructor(short: ReservationShortfall['short']) {
    super('Some lines ask for more than is available; nothing was reserved. See `errors`.', 'insufficient-stock', {
      errors: short.map(({ index, available }) => ({ path: `items.${index}.quantity`, message: `only ${available} available` })),
    });
  }
}

export class ReservationNotFoundError extends NotFoundError {
  constructor() {
    super('No reservation has this id.', 'reservation-not-found');
  }
}

/** The same reservation id sent again with other items: a caller bug, never silently merged. */
export class ReservationMismatchError extends ConflictError {
  constructor() {
    super('This reservation id is already used for other items.', 'reservation-mismatch');
  }
}

/** A transition the reservation's state does not allow, e.g. releasing a committed one. */
export class ReservationStateError extends ConflictError {
  constructor(status: 'committed' | 'released', attempted: string) {
    super(`The reservation is already ${status}; it cannot be ${attempted}.`, `reservation-${status}`);
  }
}
