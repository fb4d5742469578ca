import * as z from 'zod/mini';
import { ProductId } from './catalogue.js';
import { EventId, Timestamp, UserId } from './common.js';
import { defineOperation } from './http.js';
import { Currency, MoneyTotal } from './money.js';
import { queryInteger } from './query.js';

/**
 * Analytics: the shop's event log (the EventLogs items) and the numbers kept from it
 * at write time. It learns everything from other services' events and messages on
 * its own ingest queue, never from their tables.
 */

/** What an event-log entry records, in the log's own words (the seed's names). */
export const AnalyticsEventType = z
  .enum([
    'ORDER_PLACED',
    'ORDER_CONFIRMED',
    'ORDER_COMPLETED',
    'ORDER_FAILED',
    'ORDER_CANCELLED',
    'PAYMENT_CAPTURED',
    'PAYMENT_FAILED',
    'PAYMENT_REFUNDED',
    'INVENTORY_UPDATED',
    'STOCK_COMMITTED',
  ])
  .register(z.globalRegistry, {
    id: 'AnalyticsEventType',
    description:
      'ORDER_PLACED, ORDER_CONFIRMED, ORDER_FAILED, ORDER_CANCELLED from orders; ORDER_COMPLETED from the checkout saga; ' +
      'PAYMENT_CAPTURED, PAYMENT_FAILED, PAYMENT_REFUNDED from payments; INVENTORY_UPDATED from inventory\'s events and ' +
      'STOCK_COMMITTED from its direct message on a committed reservation.',
  });
export type AnalyticsEventType = z.infer<typeof AnalyticsEventType>;

/** Bounds of the analytics reads: a range is walked partition by partition, so it is kept finite. */
export const analyticsLimits = { maxRangeDays: 366, defaultSummaryDays: 30, defaultListingDays: 31, maxTopProducts: 50 } as const;

export const AnalyticsEvent = z
  .object({
    eventId: EventId,
    eventType: AnalyticsEventType,
    userId: z.optional(UserId),
    metadata: z.record(z.string(), z.unknown()).register(z.globalRegistry, { description: 'What the event says, by type (order id, totals, lines, counts...).' }),
    timestamp: Timestamp,
    source: z.string().register(z.globalRegistry, { description: 'Who told analytics: `shoplane.orders`, `shoplane.payments`, `shoplane.inventory`, `shoplane.checkout`.' }),
  })
  .register(z.globalRegistry, { id: 'AnalyticsEvent', description: 'One EventLogs item: an event analytics received, once however often it was delivered.' });
export type AnalyticsEvent = z.infer<typeof AnalyticsEvent>;

export const AnalyticsEventPage = z
  .object({
    items: z.array(AnalyticsEvent),
    nextCursor: z.nullable(z.string()).register(z.globalRegistry, { description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .register(z.globalRegistry, { id: 'AnalyticsEventPage' });
export type AnalyticsEventPage = z.infer<typeof AnalyticsEventPage>;

const notAfter = (from: string | undefined, to: string | undefined) => from === undefined || to === undefined || from <= to;

export const ListAnalyticsEventsQuery = z
  .strictObject({
    type: z.optional(AnalyticsEventType),
    userId: z.optional(UserId),
    from: z.optional(Timestamp).register(z.globalRegistry, { description: 'Earliest event time, inclusive.' }),
    to: z.optional(Timestamp).register(z.globalRegistry, { description: 'Latest event time, inclusive; defaults to now.' }),
    limit: z.optional(queryInteger({ min: 1, max: 100 })),
    cursor: z.optional(z.string().check(z.maxLength(2048))),
  })
  .check(z.refine((query) => notAfter(query.from, query.to), { error: 'must not be after `to`', path: ['from'] }));
export type ListAnalyticsEventsQuery = z.output<typeof ListAnalyticsEventsQuery>;

const Day = z
  .string()
  .check(z.iso.date())
  .register(z.globalRegistry, { description: 'A UTC day, YYYY-MM-DD.', examples: ['2026-11-25'] });

export const AnalyticsSummaryQuery = z
  .strictObject({
    from: z.optional(Day),
    to: z.optional(Day),
    top: z.optional(queryInteger({ min: 1, max: analyticsLimits.maxTopProducts, description: 'How many products to rank; defaults to 10.' })),
  })
  .check(z.refine((query) => notAfter(query.from, query.to), { error: 'must not be after `to`', path: ['from'] }));
export type AnalyticsSummaryQuery = z.output<typeof AnalyticsSummaryQuery>;

const Count = z.int().check(z.minimum(0));

export const OrderCounts = z
  .object({ created: Count, confirmed: Count, failed: Count, cancelled: Count })
  .register(z.globalRegistry, { id: 'OrderCounts', description: 'Orders placed, and orders that reached each end, on the days of the range.' });

export const CurrencySummary = z
  .object({
    currency: Currency,
    orders: OrderCounts,
    revenue: MoneyTotal,
    refunded: MoneyTotal,
    refunds: Count,
  })
  .register(z.globalRegistry, {
    id: 'CurrencySummary',
    description: '`revenue`: the totals of the orders confirmed in the range; `refunded`: the money refunded in it, in `refunds` refunds.',
  });

export const ProductSales = z
  .object({
    productId: ProductId,
    name: z.string().register(z.globalRegistry, { description: 'The name it sold under on the last day of the range it sold on.' }),
    units: Count,
  })
  .register(z.globalRegistry, { id: 'ProductSales' });

export const AnalyticsSummary = z
  .object({
    from: Day,
    to: Day,
    orders: OrderCounts,
    currencies: z.array(CurrencySummary).register(z.globalRegistry, { description: 'Per currency, in code order; currencies with no activity are absent.' }),
    topProducts: z.array(ProductSales).register(z.globalRegistry, { description: 'Most units sold in confirmed orders first (ties by product id).' }),
  })
  .register(z.globalRegistry, { id: 'AnalyticsSummary' });
export type AnalyticsSummary = z.infer<typeof AnalyticsSummary>;
export type CurrencySummary = z.infer<typeof CurrencySummary>;
export type ProductSales = z.infer<typeof ProductSales>;

export const listAnalyticsEvents = defineOperation({
  operationId: 'listAnalyticsEvents',
  method: 'get',
  path: '/analytics/events',
  auth: 'admin',
  tags: ['analytics'],
  summary: 'The event log',
  description:
    'Admins only. Events analytics received, newest first, each once. Filter by `type`, by `userId` (both at once too) and by time ' +
    `(\`from\`/\`to\`, inclusive). Without \`type\` or \`userId\` the log is read month by month, at most ${analyticsLimits.maxRangeDays} days ` +
    `(from defaults to ${analyticsLimits.defaultListingDays} days before \`to\`). Page with \`limit\` (default 50) and the opaque \`nextCursor\`; ` +
    'a cursor from another query is a 400.',
  request: { query: ListAnalyticsEventsQuery },
  responses: { 200: { description: 'One page of the event log.', schema: AnalyticsEventPage } },
  problems: [400, 422],
});

export const getAnalyticsSummary = defineOperation({
  operationId: 'getAnalyticsSummary',
  method: 'get',
  path: '/analytics/summary',
  auth: 'admin',
  tags: ['analytics'],
  summary: 'The shop\'s numbers',
  description:
    'Admins only. For the UTC days `from` to `to` (inclusive; by default the last ' +
    `${analyticsLimits.defaultSummaryDays} days, at most ${analyticsLimits.maxRangeDays}): orders placed, confirmed, failed and cancelled, ` +
    'confirmed revenue and refunds per currency, and the products that sold most units. Kept at write time, so it costs a few reads.',
  request: { query: AnalyticsSummaryQuery },
  responses: { 200: { description: 'The summary.', schema: AnalyticsSummary } },
  problems: [422],
});

export const analyticsOperations = [listAnalyticsEvents, getAnalyticsSummary];

/**
 * The queue analytics reads everything from. EventBridge rules put the other services'
 * events in it; services may also send it the messages below directly, when they
 * declare it (`sendsTo: ['analytics.ingest']`).
 */
export const analyticsIngestQueue = { service: 'analytics', name: 'ingest' } as const;

/**
 * Inventory's direct message for a committed reservation (the seed's "SQS message
 * for analytics"), one per product, sent from its stock stream: it exists exactly
 * when the stock change does. `eventId` is derived from the change, so a resend dedupes.
 */
export const StockCommittedMessage = z
  .object({
    eventId: EventId,
    eventType: z.literal('STOCK_COMMITTED'),
    metadata: z.object({
      productId: ProductId,
      quantity: z.int().check(z.minimum(1)),
      reservationId: z.string().check(z.minLength(1), z.maxLength(200)),
      availableStock: z.int(),
      reservedStock: z.int(),
      version: z.int(),
    }),
    timestamp: Timestamp,
  })
  .register(z.globalRegistry, { id: 'StockCommittedMessage', description: 'Sent by inventory to the analytics ingest queue when a reservation is committed.' });
export type StockCommittedMessage = z.infer<typeof StockCommittedMessage>;

/** Messages other services send straight to the analytics ingest queue, by `eventType`. */
export const analyticsMessages = { StockCommittedMessage } as const;
