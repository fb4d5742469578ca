import { describe, expect, it } from 'vitest';
import { orderMeasures, type OrderMeasure, type OrderTotals } from './aggregates.js';
import { InvalidRangeError } from './errors.js';
import { listingFilter, monthsOf, summaryRange } from './range.js';
import { summarize } from './summary.js';

const now = new Date('2026-03-31T12:00:00.000Z');
const totals = (day: string, currency: OrderTotals['currency'], measures: Partial<Record<OrderMeasure, number>>): OrderTotals => ({
  day,
  currency,
  measures: { ...(Object.fromEntries(orderMeasures.map((measure) => [measure, 0])) as Record<OrderMeasure, number>), ...measures },
});

describe('summarize', () => {
  it('adds the days up per currency, in code order, and the order counts over all currencies', () => {
    // Act
    const summary = summarize(
      { from: '2026-03-01', to: '2026-03-02' },
      {
        orders: [
          totals('2026-03-01', 'USD', { ordersCreated: 2, ordersConfirmed: 1, revenue: 2598 }),
          totals('2026-03-02', 'USD', { ordersCreated: 1, ordersFailed: 1, refunded: 500, refunds: 1 }),
          totals('2026-03-02', 'EUR', { ordersCreated: 1, ordersCancelled: 1 }),
        ],
        units: [],
      },
      10,
    );

    // Assess
    expect(summary).toEqual({
      from: '2026-03-01',
      to: '2026-03-02',
      orders: { created: 4, confirmed: 1, failed: 1, cancelled: 1 },
      currencies: [
        { currency: 'EUR', orders: { created: 1, confirmed: 0, failed: 0, cancelled: 1 }, revenue: { amount: 0, currency: 'EUR' }, refunded: { amount: 0, currency: 'EUR' }, refunds: 0 },
        { currency: 'USD', orders: { created: 3, confirmed: 1, failed: 1, cancelled: 0 }, revenue: { amount: 2598, currency: 'USD' }, refunded: { amount: 500, currency: 'USD' }, refunds: 1 },
      ],
      topProducts: [],
    });
  });

  it('ranks products by units over the range, ties by id, under the name they last sold under, and keeps the top ones', () => {
    // Act
    const { topProducts } = summarize(
      { from: '2026-03-01', to: '2026-03-03' },
      {
        orders: [],
        units: [
          { day: '2026-03-01', productId: 'prd_B', name: 'Mug', units: 2 },
          { day: '2026-03-03', productId: 'prd_B', name: 'Enamel mug', units: 2 },
          { day: '2026-03-02', productId: 'prd_A', name: 'Kettle', units: 4 },
          { day: '2026-03-02', productId: 'prd_C', name: 'Lamp', units: 1 },
        ],
      },
      2,
    );

    // Assess
    expect(topProducts).toEqual([
      { productId: 'prd_A', name: 'Kettle', units: 4 },
      { productId: 'prd_B', name: 'Enamel mug', units: 4 },
    ]);
  });
});

describe('the ranges the reports read', () => {
  it('summarizes the 30 days up to today by default, and up to `to` when only that is given', () => {
    expect(summaryRange({}, now)).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(summaryRange({ to: '2026-02-10' }, now)).toEqual({ from: '2026-01-12', to: '2026-02-10' });
  });

  it('refuses a summary of more than 366 days, or one that starts after it ends', () => {
    expect(summaryRange({ from: '2025-03-31', to: '2026-03-31' }, now)).toEqual({ from: '2025-03-31', to: '2026-03-31' });
    expect(() => summaryRange({ from: '2025-03-30', to: '2026-03-31' }, now)).toThrow(InvalidRangeError);
    expect(() => summaryRange({ from: '2026-04-02' }, now)).toThrow('after it ends');
  });

  it('lists the whole log over the 31 days up to `to` by default, and a type or user over their whole history', () => {
    expect(listingFilter({}, now)).toEqual({ from: '2026-02-28T12:00:00.000Z', to: '2026-03-31T12:00:00.000Z' });
    expect(listingFilter({ type: 'ORDER_FAILED' }, now)).toEqual({ type: 'ORDER_FAILED', to: '2026-03-31T12:00:00.000Z' });
  });

  it('refuses to walk the whole log over more than 366 days, but not one user\'s', () => {
    const long = { from: '2020-01-01T00:00:00.000Z', to: '2026-03-31T00:00:00.000Z' };

    expect(() => listingFilter(long, now)).toThrow(InvalidRangeError);
    expect(listingFilter({ ...long, userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V' }, now)).toMatchObject(long);
  });

  it('names every month a range touches, across a year\'s end', () => {
    expect(monthsOf({ from: '2025-11-30', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('reads bounds as times, whatever their precision, and starts a default range no earlier than year 0', () => {
    expect(listingFilter({ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00.5Z' }, now)).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.500Z' });
    expect(listingFilter({ to: '0000-01-05T00:00:00.000Z' }, now)).toEqual({ from: '0000-01-01T00:00:00.000Z', to: '0000-01-05T00:00:00.000Z' });
    expect(summaryRange({ to: '0000-01-05' }, now)).toEqual({ from: '0000-01-01', to: '0000-01-05' });
    expect(monthsOf({ from: '0000-01-01', to: '0000-02-01' })).toEqual(['0000-01', '0000-02']);
  });
});
