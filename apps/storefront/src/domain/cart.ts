import type { Money } from './money.js';

export interface CartLineView {
  productId: string;
  quantity: number;
  lineTotal: Money;
  available: boolean;
}

/** Units across every line (the badge on the cart link). */
export function unitCount(lines: readonly Pick<CartLineView, 'quantity'>[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** Lines that can no longer be ordered (archived or unknown products), which block checkout. */
export function unavailableLines<Line extends CartLineView>(lines: readonly Line[]): Line[] {
  return lines.filter((line) => !line.available);
}

/** The subtotal of the lines as shown, in exact integers; the API's own subtotal is the authority. */
export function subtotalOf(lines: readonly CartLineView[], currency: string): Money {
  return { amount: lines.reduce((sum, line) => sum + line.lineTotal.amount, 0), currency };
}

/** Why checkout is not possible yet, or undefined when it is. */
export function checkoutBlocker(lines: readonly CartLineView[]): string | undefined {
  if (lines.length === 0) return 'Your cart is empty.';
  const unavailable = unavailableLines(lines).length;
  if (unavailable > 0) return `Remove ${unavailable === 1 ? 'the item that is' : `the ${unavailable} items that are`} no longer available first.`;
  return undefined;
}

/** Limits of one line's quantity (the API accepts 1 to 99 per line). */
export const quantityLimits = { min: 1, max: 99 } as const;

/** A typed quantity → a whole number the API accepts, or undefined. */
export function parseQuantity(text: string): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const quantity = Number(text);
  return quantity >= quantityLimits.min && quantity <= quantityLimits.max ? quantity : undefined;
}
