import { describe, expect, it } from 'vitest';
import { AnalyticsSummaryQuery, getAnalyticsSummary, ListAnalyticsEventsQuery, listAnalyticsEvents, StockCommittedMessage } from './analytics.js';
import { allOperations } from './index.js';

describe('the analytics contract', () => {
  it('is part of the API, last', () => {
    expect(allOperations.slice(-2)).toEqual([listAnalyticsEvents, getAnalyticsSummary]);
  });

  it('reads a listing query: type, user, time range, limit and cursor', () => {
    const parsed = ListAnalyticsEventsQuery.safeParse({
      type: 'ORDER_FAILED',
      userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T00:00:00.000Z',
      limit: '25',
    });

    expect(parsed.success && parsed.data.limit).toBe(25);
  });

  it.each([
    ['a range that ends before it starts', { from: '2026-03-02T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' }, 'from'],
    ['an unknown event type', { type: 'ORDER_SHIPPED' }, 'type'],
    ['an unknown parameter', { kind: 'ORDER_FAILED' }, ''],
    ['a limit that is not plain decimal digits', { limit: '0x10' }, 'limit'],
  ])('refuses %s', (_case, query, path) => {
    const parsed = ListAnalyticsEventsQuery.safeParse(query);

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join('.')).toBe(path);
  });

  it('reads a summary query of UTC days and refuses timestamps, reversed ranges and too many products', () => {
    expect(AnalyticsSummaryQuery.safeParse({ from: '2026-03-01', to: '2026-03-31', top: '5' }).success).toBe(true);
    expect(AnalyticsSummaryQuery.safeParse({ from: '2026-03-01T00:00:00.000Z' }).success).toBe(false);
    expect(AnalyticsSummaryQuery.safeParse({ from: '2026-03-31', to: '2026-03-01' }).success).toBe(false);
    expect(AnalyticsSummaryQuery.safeParse({ top: '51' }).success).toBe(false);
  });

  it('describes inventory\'s direct message for a committed reservation', () => {
    const message = {
      eventId: 'evt_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
      eventType: 'STOCK_COMMITTED',
      metadata: { productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', quantity: 2, reservationId: 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V', availableStock: 8, reservedStock: 0, version: 4 },
      timestamp: '2026-03-01T10:00:00.000Z',
    };

    expect(StockCommittedMessage.safeParse(message).success).toBe(true);
    expect(StockCommittedMessage.safeParse({ ...message, metadata: { ...message.metadata, quantity: 0 } }).success).toBe(false);
  });
});
