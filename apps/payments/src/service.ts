import { receiveRazorpayWebhook, receiveStripeWebhook } from '@shoplane/contracts';
import { defineService, outboxTimeToLiveAttribute } from '@shoplane/manifest';

/**
 * Payments: one payment per order, charged once through the PaymentGateway port (the
 * local sandbox, or Stripe for cards and Razorpay for UPI), settled by the providers'
 * signed webhooks, and reported to the checkout saga's waiting Task.
 *
 * Table `payments` (single table, one partition per order; see adapters/payment-items.ts):
 * - `PK=PAYMENT#<orderId>, SK=PAYMENT`   the payment: status, attempts, provider references,
 *                                        the charging call's lease and the waiting Task's token
 * - `PK=PAYMENT#<orderId>, SK=VOID`      the order was compensated before it was ever charged
 * - `PK=OUTBOX#<eventId>, SK=OUTBOX`     events written with the change they describe,
 *                                        published from the table's stream, expired by TTL
 *
 * Provider secrets and the Step Functions callback permission are granted per function
 * in stack.ts (the manifest has no declaration for them yet).
 */
export const service = defineService({
  name: 'payments',
  table: {
    partitionKey: { name: 'PK', type: 'S' },
    sortKey: { name: 'SK', type: 'S' },
    timeToLiveAttribute: outboxTimeToLiveAttribute,
    stream: { handler: 'publish-events', tableAccess: 'none', capabilities: ['publishEvents'] },
  },
  routes: [
    { operation: receiveStripeWebhook, handler: 'stripe-webhook' },
    { operation: receiveRazorpayWebhook, handler: 'razorpay-webhook' },
  ],
  internalOperations: [
    { name: 'processPayment', handler: 'process-payment' },
    { name: 'refundPayment', handler: 'refund-payment' },
  ],
});
