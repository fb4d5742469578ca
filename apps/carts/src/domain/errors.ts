import { cartLimits } from '@shoplane/contracts';
import { ConflictError, HttpError, NotFoundError } from '@shoplane/lambda-kit';

export class ProductNotFoundError extends NotFoundError {
  constructor() {
    super('No product has this id.', 'product-not-found');
  }
}

/** The product exists but is archived: no longer sold, so it cannot be added. */
export class ProductUnavailableError extends HttpError {
  constructor() {
    super(422, 'product-unavailable', { detail: 'This product is no longer sold.' });
  }
}

export class LineQuantityLimitError extends HttpError {
  constructor(quantityInCart: number) {
    super(422, 'quantity-limit-exceeded', {
      detail: `A cart holds at most ${cartLimits.maxQuantity} units of one product; this cart already has ${quantityInCart}.`,
    });
  }
}

export class CartFullError extends HttpError {
  constructor() {
    super(422, 'cart-full', { detail: `A cart holds at most ${cartLimits.maxLines} different products; remove one first.` });
  }
}

export class CurrencyMismatchError extends ConflictError {
  constructor(cartCurrency: string, productCurrency: string) {
    super(`This cart is priced in ${cartCurrency}; the product is sold in ${productCurrency}.`, 'currency-mismatch');
  }
}

export class CartItemNotFoundError extends NotFoundError {
  constructor() {
    super('This product is not in the cart.', 'cart-item-not-found');
  }
}

/** Too many simultaneous changes to one cart kept colliding; nothing was changed, so a retry is safe. */
export class CartBusyError extends ConflictError {
  constructor(cause: unknown) {
    super('The cart is being changed by other requests; try again.', 'cart-busy', { cause, headers: { 'retry-after': '1' } });
  }
}
