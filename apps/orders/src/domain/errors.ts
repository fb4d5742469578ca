import { DomainError, type OrderStatus, type Violation } from '@shoplane/contracts';

/** Also the answer for another customer's order: whether it exists is theirs to know. */
export class OrderNotFoundError extends DomainError {
  constructor() {
    super('order-not-found', 'No order of yours has this id.');
  }
}

export class EmptyOrderError extends DomainError {
  constructor() {
    super('empty-order', 'There is nothing to order: the cart is empty. Add items to it, or send `items`.');
  }
}

/** Lines whose product the catalogue does not know or no longer sells. */
export class ProductsUnavailableError extends DomainError<{ productIds: string[] }> {
  constructor(violations: Violation[], productIds: string[]) {
    super('products-unavailable', `These products cannot be ordered: ${productIds.join(', ')}.`, { violations, data: { productIds } });
  }
}

export class MixedCurrenciesError extends DomainError<{ currencies: string[] }> {
  constructor(violations: Violation[], currencies: string[]) {
    super('mixed-currencies', `One order is paid in one currency; these lines are priced in ${currencies.join(' and ')}. Order them separately.`, {
      violations,
      data: { currencies },
    });
  }
}

export interface Shortfall {
  productId: string;
  requested: number;
  available: number;
}

/** More units asked for than the catalogue shows available now (checkout's reservation is the final word). */
export class InsufficientStockError extends DomainError<{ short: Shortfall[] }> {
  constructor(violations: Violation[], short: Shortfall[]) {
    super('insufficient-stock', `Not enough stock for: ${short.map((line) => line.productId).join(', ')}.`, { violations, data: { short } });
  }
}

/** validateOrder's refusal: checkout may only charge an order that is still CREATED. */
export class OrderNotPayableError extends DomainError<{ status: OrderStatus }> {
  constructor(status: OrderStatus) {
    super('order-not-payable', `The order is ${status}; it cannot be paid.`, { data: { status } });
  }
}

/** beginPayment's refusal when the customer's cancel won the race. */
export class OrderCancelledError extends DomainError {
  constructor() {
    super('order-cancelled', 'The order was cancelled; it will not be paid.', { data: { status: 'CANCELLED' } });
  }
}

export class OrderNotCancellableError extends DomainError<{ status: OrderStatus }> {
  constructor(status: OrderStatus) {
    super('order-not-cancellable', `The order is ${status}: payment has begun or it is settled, so it can no longer be cancelled.`, { data: { status } });
  }
}

/** A checkout step asked for a transition the order's status does not allow (e.g. confirming a failed order). */
export class OrderStatusConflictError extends DomainError<{ status: OrderStatus; wanted: OrderStatus }> {
  constructor(status: OrderStatus, wanted: OrderStatus) {
    super('order-status-conflict', `The order is ${status}; it cannot become ${wanted}.`, { data: { status, wanted } });
  }
}
