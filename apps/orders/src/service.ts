import { cancelOrder, createOrder, getCartLines, getOrder, getProductsByIds, internalOperationKey, listOrders } from '@shoplane/contracts';
import { defineService, outboxTimeToLiveAttribute } from '@shoplane/manifest';
import { ordersByUser, ordersDueForSweep } from './adapters/table-layout.js';

/**
 * Orders: what customers ordered, at the prices of the moment, and where each order
 * stands in checkout. Prices come from products (`getProductsByIds`), a cart from
 * carts (`getCartLines`); the checkout saga moves orders on through the internal
 * operations below.
 *
 * Table `orders` (single table):
 * - `PK=ORDER#<orderId>, SK=ORDER`      the order: status and its history, a snapshot of
 *   each line (name, unit price, quantity, line total), total, payment method (and,
 *   until the order is final, the payment token for checkout), shipping address,
 *   failure reason; GSI1PK=`USER#<userId>`, GSI1SK=`<orderId>` for the customer's list
 *   and, until the order is settled, GSI2PK=`SWEEP`, GSI2SK=`<sweepDueAt>` for the sweeper (`bySweepDue`)
 * - `PK=ORDER_REQUEST#<userId>#<key>, SK=ORDER_REQUEST`  the order an Idempotency-Key
 *   placed, claimed in the order's own transaction, expired by TTL
 * - `PK=OUTBOX#<eventId>, SK=OUTBOX`    events written with the change, published from the stream
 * - `PK=IDEMPOTENCY#<key>, SK=IDEMPOTENCY`  answers to `POST /orders` retried with its key
 *
 * Status moves only along `transitions` (domain/order-status.ts), each move one
 * conditional write on the statuses it may come from.
 */
export const service = defineService({
  name: 'orders',
  table: {
    partitionKey: { name: 'PK', type: 'S' },
    sortKey: { name: 'SK', type: 'S' },
    globalIndexes: [ordersByUser, ordersDueForSweep],
    timeToLiveAttribute: outboxTimeToLiveAttribute,
    stream: { handler: 'publish-events', tableAccess: 'none', capabilities: ['publishEvents'] },
  },
  routes: [
    // Prices come from the catalogue; an order without items is the caller's cart.
    { operation: createOrder, handler: 'create-order', invokes: [internalOperationKey(getProductsByIds), internalOperationKey(getCartLines)] },
    { operation: listOrders, handler: 'list-orders', tableAccess: 'read' },
    { operation: getOrder, handler: 'get-order', tableAccess: 'read' },
    { operation: cancelOrder, handler: 'cancel-order' },
  ],
  internalOperations: [
    { name: 'validateOrder', handler: 'validate-order', tableAccess: 'read' },
    { name: 'beginPayment', handler: 'begin-payment' },
    { name: 'confirmOrder', handler: 'confirm-order' },
    { name: 'failOrder', handler: 'fail-order' },
  ],
  // Orders checkout left unsettled past a deadline (domain/sweep.ts), handed back to it as OrderCheckoutStalled.
  schedules: [{ handler: 'sweep-stuck-orders', every: { minutes: 5 } }],
});
