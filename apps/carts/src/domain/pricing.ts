import type { Cart, CartLine, Currency, Money, Product } from '@shoplane/contracts';
import { shopDefaultCurrency, type StoredCartLine } from './cart.js';

/** Shown for a line whose product the catalogue no longer knows. */
export const unknownProductName = 'Unavailable product';

/**
 * Whether a line can be bought as it stands: its product is still sold, priced in the
 * cart's currency, and has at least the line's quantity in stock (as products last heard
 * from inventory, so checkout still reserves the stock for real).
 */
export function isLineAvailable(line: Pick<StoredCartLine, 'quantity'>, product: Product, cartCurrency: Currency): boolean {
  return product.status === 'active' && product.price.currency === cartCurrency && product.availableStock >= line.quantity;
}

/**
 * One line priced from the catalogue. A product the catalogue no longer knows is kept,
 * flagged unavailable at zero in the cart's currency, so the customer sees what went away.
 */
export function priceLine(line: StoredCartLine, product: Product | undefined, cartCurrency: Currency): CartLine {
  if (!product) {
    const zero: Money = { amount: 0, currency: cartCurrency };
    return { productId: line.productId, name: unknownProductName, quantity: line.quantity, price: zero, lineTotal: zero, available: false };
  }
  return {
    productId: line.productId,
    name: product.name,
    quantity: line.quantity,
    price: product.price,
    lineTotal: { amount: product.price.amount * line.quantity, currency: product.price.currency },
    available: isLineAvailable(line, product, cartCurrency),
  };
}

/** The cart's currency: the one its lines were added in, the shop's when it is empty. */
export function cartCurrencyOf(lines: readonly StoredCartLine[]): Currency {
  return lines[0]?.currency ?? shopDefaultCurrency;
}

/** Oldest line first, as the customer added them; the product id breaks ties so the order is stable. */
function byAddition(a: StoredCartLine, b: StoredCartLine): number {
  return a.addedAt.localeCompare(b.addedAt) || a.productId.localeCompare(b.productId);
}

/**
 * The cart as the customer sees it, priced now. The subtotal sums the available lines
 * only; amounts are integers in minor units (at most 50 × 99 × 10^11, far below 2^53,
 * so the sum is exact).
 */
export function priceCart(lines: readonly StoredCartLine[], catalogue: ReadonlyMap<string, Product>): Cart {
  const currency = cartCurrencyOf(lines);
  const items = [...lines].sort(byAddition).map((line) => priceLine(line, catalogue.get(line.productId), currency));
  const amount = items.filter((item) => item.available).reduce((sum, item) => sum + item.lineTotal.amount, 0);
  return { items, subtotal: { amount, currency }, currency };
}
