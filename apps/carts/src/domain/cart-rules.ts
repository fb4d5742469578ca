import { cartLimits, ProductNotFoundError, type DomainError, type Product } from '@shoplane/contracts';
import type { CartHeaderState, ExistingLineState, LineChange } from './cart.js';
import { CartFullError, CurrencyMismatchError, LineQuantityLimitError, ProductUnavailableError } from './errors.js';

/** The product a customer may put in a cart: it exists and is still sold. */
export function requireSellable(productId: string, found: readonly Product[]): Product {
  const product = found.find((candidate) => candidate.productId === productId);
  if (!product) throw new ProductNotFoundError();
  if (product.status !== 'active') throw new ProductUnavailableError();
  return product;
}

/** Adding `quantity` units keeps a line within the limit when the line holds at most this many now. */
export function maxQuantityBeforeAdding(quantity: number): number {
  return cartLimits.maxQuantity - quantity;
}

/** Why the store refused to change an existing line: the currency rule first, then the quantity limit. */
export function refusalOfLineChange(existing: ExistingLineState, change: LineChange): DomainError {
  if (existing.currency !== change.currency) return new CurrencyMismatchError(existing.currency, change.currency);
  return new LineQuantityLimitError(existing.quantity);
}

/**
 * Why the store refused a new line, from the header as it is now; undefined when the
 * header no longer refuses (another request emptied the cart meanwhile: try again).
 */
export function refusalOfNewLine(header: CartHeaderState | undefined, change: LineChange): DomainError | undefined {
  if (!header || header.lineCount <= 0) return undefined;
  if (header.currency !== undefined && header.currency !== change.currency) return new CurrencyMismatchError(header.currency, change.currency);
  if (header.lineCount >= cartLimits.maxLines) return new CartFullError();
  return undefined;
}

/** Splits a list into consecutive chunks of at most `size` items. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
