import { analyticsIngestQueue, getAnalyticsSummary, listAnalyticsEvents } from '@shoplane/contracts';
import { defineService } from '@shoplane/manifest';
import { eventsByMonth, eventsByType, eventsByUser } from './adapters/table-layout.js';
import { ingestedEventTypes } from './domain/event-log.js';

/**
 * Analytics: the shop's event log and the numbers it runs on. It reads no other
 * service's table or stream: orders, payments and inventory publish every change
 * from their own streams, EventBridge rules route those events into its ingest
 * queue, and inventory sends it StockCommitted messages there directly.
 *
 * Table `analytics` (single table; the seed's EventLogs):
 * - `PK=EVENT#<eventId>, SK=EVENT`  one EventLogs entry {eventId, eventType, userId,
 *   metadata, timestamp, source}: put only if absent, which is what dedupes a redelivery;
 *   GSI1 `byType` (TYPE#<eventType>), GSI2 `byUser` (USER#<userId>), GSI3 `byMonth`
 *   (MONTH#<YYYY-MM>), each sorted by `<timestamp>#<eventId>`
 * - `PK=STATS#<YYYY-MM>, SK=DAY#<DD>#ORDERS#<currency>`  a day's orders created,
 *   confirmed, failed, cancelled, confirmed revenue and refunds in one currency
 * - `PK=STATS#<YYYY-MM>, SK=DAY#<DD>#UNITS#<productId>`  units of a product sold that day
 * - `PK=ORDER#<orderId>, SK=ORDER`  an order's currency (from OrderCreated), and its
 *   end if that arrived first, so a failure or cancellation counts in the right currency
 *
 * Counters change in the same transaction as the entry, so a replay counts nothing twice.
 */
export const service = defineService({
  name: 'analytics',
  table: {
    partitionKey: { name: 'PK', type: 'S' },
    sortKey: { name: 'SK', type: 'S' },
    globalIndexes: [eventsByType, eventsByUser, eventsByMonth],
  },
  routes: [
    { operation: listAnalyticsEvents, handler: 'list-events', tableAccess: 'read' },
    { operation: getAnalyticsSummary, handler: 'get-summary', tableAccess: 'read' },
  ],
  queues: [{ name: analyticsIngestQueue.name, handler: 'ingest', eventTypes: [...ingestedEventTypes] }],
});
