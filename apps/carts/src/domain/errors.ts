import { cartLimits, DomainError } from '@shoplane/contracts';

// ProductNotFoundError is products' own answer, shared through @shoplane/contracts; a cart
// that is contended past its retries throws contracts' BusyError('cart').

/** The product exists but is archived: no longer sold, so it cannot be added. */
export class ProductUnavailableError extends DomainError {
  constructor() {
    super('product-unavailable', 'This product is no longer sold.');
  }
}

export class LineQuantityLimitError extends DomainError {
  constructor(quantityInCart: number) {
    super(
      'quantity-limit-exceeded',
      `A cart holds at most ${cartLimits.maxQuantity} units of one product; this cart already has ${quantityInCart}.`,
    );
  }
}

export class CartFullError extends DomainError {
  constructor() {
    super('cart-full', `A cart holds at most ${cartLimits.maxLines} different products; remove one first.`);
  }
}

export class CurrencyMismatchError extends DomainError {
  constructor(cartCurrency: string, productCurrency: string) {
    super('currency-mismatch', `This cart is priced in ${cartCurrency}; the product is sold in ${productCurrency}.`);
  }
}

export class CartItemNotFoundError extends DomainError {
  constructor() {
    super('cart-item-not-found', 'This product is not in the cart.');
  }
}
