import type { AnalyticsSummary, Currency, CurrencySummary, ProductSales } from '@shoplane/contracts';
import { orderMeasures, type OrderMeasure, type OrderTotals, type UnitsSold } from './aggregates.js';
import type { DayRange } from './ports.js';

const zero = (): Record<OrderMeasure, number> => Object.fromEntries(orderMeasures.map((measure) => [measure, 0])) as Record<OrderMeasure, number>;

function currencySummary(currency: Currency, measures: Record<OrderMeasure, number>): CurrencySummary {
  return {
    currency,
    orders: { created: measures.ordersCreated, confirmed: measures.ordersConfirmed, failed: measures.ordersFailed, cancelled: measures.ordersCancelled },
    revenue: { amount: measures.revenue, currency },
    refunded: { amount: measures.refunded, currency },
    refunds: measures.refunds,
  };
}

/** The best-selling products of the range: most units first, ties by product id; each under the name of the last day it sold on. */
function topProducts(units: UnitsSold[], top: number): ProductSales[] {
  const products = new Map<string, ProductSales & { lastDay: string }>();
  for (const sold of units) {
    const product = products.get(sold.productId) ?? { productId: sold.productId, name: sold.name, units: 0, lastDay: sold.day };
    product.units += sold.units;
    if (sold.day >= product.lastDay) Object.assign(product, { name: sold.name, lastDay: sold.day });
    products.set(sold.productId, product);
  }
  return [...products.values()]
    .sort((a, b) => b.units - a.units || (a.productId < b.productId ? -1 : 1))
    .slice(0, top)
    .map(({ productId, name, units: total }) => ({ productId, name, units: total }));
}

/** The range's numbers from its days' counters: summed per currency, in code order, and over all currencies. */
export function summarize(range: DayRange, counters: { orders: OrderTotals[]; units: UnitsSold[] }, top: number): AnalyticsSummary {
  const byCurrency = new Map<Currency, Record<OrderMeasure, number>>();
  for (const totals of counters.orders) {
    const sum = byCurrency.get(totals.currency) ?? zero();
    for (const measure of orderMeasures) sum[measure] += totals.measures[measure];
    byCurrency.set(totals.currency, sum);
  }
  const currencies = [...byCurrency].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, measures]) => currencySummary(currency, measures));
  const count = (key: keyof CurrencySummary['orders']) => currencies.reduce((total, summary) => total + summary.orders[key], 0);
  return {
    from: range.from,
    to: range.to,
    orders: { created: count('created'), confirmed: count('confirmed'), failed: count('failed'), cancelled: count('cancelled') },
    currencies,
    topProducts: topProducts(counters.units, top),
  };
}
