import type { Currency } from '@shoplane/contracts';

/** What analytics counts per UTC day and currency, at write time. */
export const orderMeasures = ['ordersCreated', 'ordersConfirmed', 'ordersFailed', 'ordersCancelled', 'revenue', 'refunded', 'refunds'] as const;
export type OrderMeasure = (typeof orderMeasures)[number];

/** Additions to one day's numbers in one currency (money in minor units). */
export interface OrderTotalsChange {
  kind: 'orders';
  day: string;
  currency: Currency;
  add: Partial<Record<OrderMeasure, number>>;
}

/** Units of one product sold on one day, from confirmed orders' lines, and the name it sold under. */
export interface UnitsChange {
  kind: 'units';
  day: string;
  productId: string;
  name: string;
  units: number;
}

export type CounterChange = OrderTotalsChange | UnitsChange;

/** One day's numbers in one currency, as stored. */
export interface OrderTotals {
  day: string;
  currency: Currency;
  measures: Record<OrderMeasure, number>;
}

/** Units of one product sold on one day, as stored. */
export interface UnitsSold {
  day: string;
  productId: string;
  name: string;
  units: number;
}

const keyOf = (change: CounterChange) => (change.kind === 'orders' ? `orders#${change.day}#${change.currency}` : `units#${change.day}#${change.productId}`);

/**
 * One change per counter: a transaction may touch an item only once, and one
 * event can add to the same counter twice (an order's lines repeating a product,
 * a late outcome counted on the day of its order's creation).
 */
export function mergeCounters(changes: CounterChange[]): CounterChange[] {
  const merged = new Map<string, CounterChange>();
  for (const change of changes) {
    const current = merged.get(keyOf(change));
    if (!current) {
      merged.set(keyOf(change), change.kind === 'orders' ? { ...change, add: { ...change.add } } : { ...change });
    } else if (current.kind === 'orders' && change.kind === 'orders') {
      for (const [measure, amount] of Object.entries(change.add) as [OrderMeasure, number][]) current.add[measure] = (current.add[measure] ?? 0) + amount;
    } else if (current.kind === 'units' && change.kind === 'units') {
      current.units += change.units;
      current.name = change.name;
    }
  }
  return [...merged.values()];
}
