import type { MoneyTotal, OrderedLine, OrderLine, Product, Violation } from '@shoplane/contracts';
import { EmptyOrderError, InsufficientStockError, MixedCurrenciesError, ProductsUnavailableError, type Shortfall } from './errors.js';

/** Where the wanted lines came from, so refusals name them where the customer sent them. */
export type LineSource = 'items' | 'cart.items';

export interface PricedOrder {
  lines: OrderLine[];
  total: MoneyTotal;
}

interface Match {
  line: OrderedLine;
  product: Product;
}

function requireSellable(wanted: readonly OrderedLine[], products: ReadonlyMap<string, Product>, source: LineSource): Match[] {
  const violations: Violation[] = [];
  const refused: string[] = [];
  const matches = wanted.flatMap((line, index) => {
    const product = products.get(line.productId);
    if (product?.status === 'active') return [{ line, product }];
    violations.push({ path: `${source}.${index}.productId`, message: product ? 'is no longer sold' : 'names no product' });
    refused.push(line.productId);
    return [];
  });
  if (violations.length > 0) throw new ProductsUnavailableError(violations, refused);
  return matches;
}

function requireOneCurrency(matches: readonly Match[], currency: string, source: LineSource): void {
  const violations = matches.flatMap(({ product }, index) =>
    product.price.currency === currency ? [] : [{ path: `${source}.${index}.productId`, message: `is priced in ${product.price.currency}, not ${currency}` }],
  );
  if (violations.length > 0) throw new MixedCurrenciesError(violations, [...new Set(matches.map(({ product }) => product.price.currency))]);
}

function requireAvailable(matches: readonly Match[], source: LineSource): void {
  const violations: Violation[] = [];
  const short: Shortfall[] = [];
  matches.forEach(({ line, product }, index) => {
    const available = product.availableStock;
    if (line.quantity <= available) return;
    violations.push({ path: `${source}.${index}.quantity`, message: available === 0 ? 'is out of stock' : `only ${available} available` });
    short.push({ productId: line.productId, requested: line.quantity, available });
  });
  if (violations.length > 0) throw new InsufficientStockError(violations, short);
}

/**
 * Prices the wanted lines from the catalogue as it is now, never from the client:
 * there is something to order, every product exists and is sold, all in one
 * currency, with the wanted units available. Totals are exact integers of minor
 * units (at most 50 × 99 × 10^9, far below 2^53).
 */
export function priceOrder(wanted: readonly OrderedLine[], products: ReadonlyMap<string, Product>, source: LineSource): PricedOrder {
  const matches = requireSellable(wanted, products, source);
  const [first] = matches;
  if (!first) throw new EmptyOrderError();
  const { currency } = first.product.price;
  requireOneCurrency(matches, currency, source);
  requireAvailable(matches, source);
  const lines = matches.map(
    ({ line, product }): OrderLine => ({
      productId: product.productId,
      name: product.name,
      unitPrice: product.price,
      quantity: line.quantity,
      lineTotal: { amount: product.price.amount * line.quantity, currency },
    }),
  );
  return { lines, total: { amount: lines.reduce((sum, line) => sum + line.lineTotal.amount, 0), currency } };
}
