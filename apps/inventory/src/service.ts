import { analyticsIngestQueue, getStock, restock } from '@shoplane/contracts';
import { defineService, outboxTimeToLiveAttribute, queueKey } from '@shoplane/manifest';

/**
 * Inventory: how many units of each product can be sold, and the units held for
 * checkouts in progress. Keyed by productId; records are born from ProductCreated.
 *
 * Table `inventory` (single table):
 * - `PK=STOCK#<productId>, SK=STOCK`  availableStock, reservedStock, version, updatedAt,
 *                                     and why it last changed
 * - `PK=RESERVATION#<reservationId>, SK=RESERVATION`  lines held for one checkout and
 *                                     their status: reserved → committed | released
 * - `PK=IDEMPOTENCY#<key>, SK=IDEMPOTENCY`  answers to restocks sent with an Idempotency-Key,
 *                                     expired by TTL
 *
 * Every new version of a stock record is published as InventoryUpdated from the
 * table's stream (see adapters/inventory-events.ts); a committed one is also sent
 * to analytics' ingest queue as StockCommitted, the only queue inventory may send to.
 */
export const service = defineService({
  name: 'inventory',
  table: {
    partitionKey: { name: 'PK', type: 'S' },
    sortKey: { name: 'SK', type: 'S' },
    timeToLiveAttribute: outboxTimeToLiveAttribute,
    stream: { handler: 'publish-events', tableAccess: 'none', capabilities: ['publishEvents'], sendsTo: [queueKey(analyticsIngestQueue)] },
  },
  routes: [
    { operation: getStock, handler: 'get-stock', tableAccess: 'read' },
    { operation: restock, handler: 'restock' },
  ],
  subscriptions: [
    { eventTypes: ['ProductCreated'], handler: 'on-product-created' },
    { eventTypes: ['OrderFailed'], handler: 'on-order-failed' },
  ],
  internalOperations: [
    { name: 'reserveStock', handler: 'reserve-stock' },
    { name: 'commitReservation', handler: 'commit-reservation' },
    { name: 'releaseReservation', handler: 'release-reservation' },
  ],
});
