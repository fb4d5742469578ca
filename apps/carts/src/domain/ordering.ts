import { BusyError, type InternalOutput, type OrderedLine, type getCartLines } from '@shoplane/contracts';
import type { StoredCartLine } from './cart.js';
import type { CartRepository } from './ports.js';

/** What carts does for orders: hand over a cart to order, and take out what was ordered once it is paid. */
export interface OrderingDependencies {
  carts: Pick<CartRepository, 'load'>;
  orderedLines: OrderedLinesStore;
  clock?: () => Date;
}

/** How one order changes a cart: lines that keep units, and lines that go. */
export interface Settlement {
  reduce: { productId: string; from: number; to: number }[];
  remove: { productId: string; from: number }[];
}

export type SettleOutcome = 'settled' | 'already-settled' | 'lines-changed';

export interface OrderedLinesStore {
  /**
   * Applies the settlement and records the order as settled, in one transaction, on
   * condition that each line still holds `from` units: 'lines-changed' (nothing
   * written) when one changed meanwhile, 'already-settled' when this order was applied before.
   */
  settle(userId: string, orderId: string, settlement: Settlement, now: Date): Promise<SettleOutcome>;
}

/** A cart's lines as orders prices them: products and quantities, in the cart's one currency. */
export async function cartLinesToOrder(deps: Pick<OrderingDependencies, 'carts'>, userId: string): Promise<InternalOutput<typeof getCartLines>> {
  const { lines } = await deps.carts.load(userId);
  const [first] = lines;
  return { lines: lines.map((line) => ({ productId: line.productId, quantity: line.quantity })), ...(first ? { currency: first.currency } : {}) };
}

/**
 * Subtracts each ordered quantity from the cart's line of that product: a line left
 * with no units goes, a line ordered in part keeps the rest, and lines of other
 * products (added while checkout ran, say) stay.
 */
export function settlementOf(held: readonly Pick<StoredCartLine, 'productId' | 'quantity'>[], ordered: readonly OrderedLine[]): Settlement {
  const settlement: Settlement = { reduce: [], remove: [] };
  const quantities = new Map(held.map((line) => [line.productId, line.quantity]));
  for (const line of ordered) {
    const from = quantities.get(line.productId);
    if (from === undefined) continue;
    const to = from - line.quantity;
    if (to > 0) settlement.reduce.push({ productId: line.productId, from, to });
    else settlement.remove.push({ productId: line.productId, from });
  }
  return settlement;
}

/** A customer who keeps changing the cart while an order settles is rare; these reads are plenty. */
const settleAttempts = 5;

/**
 * Takes a confirmed order's lines out of the customer's cart, once per order: a
 * replayed or duplicated OrderConfirmed changes nothing. Each attempt reads the cart
 * and writes conditionally on what it read, so a change made meanwhile is never lost.
 */
export async function removeOrderedLines(deps: OrderingDependencies, order: { orderId: string; userId: string; lines: readonly OrderedLine[] }): Promise<Exclude<SettleOutcome, 'lines-changed'>> {
  for (let attempt = 1; attempt <= settleAttempts; attempt++) {
    const { lines } = await deps.carts.load(order.userId);
    const outcome = await deps.orderedLines.settle(order.userId, order.orderId, settlementOf(lines, order.lines), deps.clock?.() ?? new Date());
    if (outcome !== 'lines-changed') return outcome;
  }
  throw new BusyError('cart');
}
