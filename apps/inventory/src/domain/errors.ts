import { DomainError } from '@shoplane/contracts';
import type { ReservationShortfall } from './stock.js';

export class StockNotFoundError extends DomainError {
  constructor() {
    super('stock-not-found', 'Inventory has no stock record for this product.');
  }
}

/**
 * A reservation naming a product inventory does not know (never created, or its
 * ProductCreated not processed yet): the request is well formed, it refers to
 * something that does not exist here.
 */
export class UnknownProductError extends DomainError {
  constructor(unknownLines: number[]) {
    super('unknown-product', 'Inventory has no stock record for some products; see `errors`.', {
      violations: unknownLines.map((index) => ({ path: `items.${index}.productId`, message: 'has no stock record' })),
    });
  }
}

export class InsufficientStockError extends DomainError {
  constructor(short: ReservationShortfall['short']) {
    super('insufficient-stock', 'Some lines ask for more than is available; nothing was reserved. See `errors`.', {
      violations: short.map(({ index, available }) => ({ path: `items.${index}.quantity`, message: `only ${available} available` })),
    });
  }
}

export class ReservationNotFoundError extends DomainError {
  constructor() {
    super('reservation-not-found', 'No reservation has this id.');
  }
}

/** The same reservation id sent again with other items: a caller bug, never silently merged. */
export class ReservationMismatchError extends DomainError {
  constructor() {
    super('reservation-mismatch', 'This reservation id is already used for other items.');
  }
}

/** A transition the reservation's state does not allow, e.g. releasing a committed one. */
export class ReservationStateError extends DomainError {
  constructor(status: 'committed' | 'released', attempted: string) {
    super(`reservation-${status}`, `The reservation is already ${status}; it cannot be ${attempted}.`);
  }
}
