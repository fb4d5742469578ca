import { receiveRazorpayWebhook, receiveStripeWebhook } from '@shoplane/contracts';
import { defineService, outboxTimeToLiveAttribute } from '@shoplane/manifest';
import { paymentsVariables } from './variables.js';

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
 * Each function reads only the provider secrets its declarations name. The gateway
 * switch and the Step Functions callback permission are set per function in stack.ts.
 */
export const service = defineService({
  name: 'payments',
  table: {
    partitionKey: { name: 'PK', type: 'S' },
    sortKey: { name: 'SK', type: 'S' },
    timeToLiveAttribute: outboxTimeToLiveAttribute,
    stream: { handler: 'publish-events', tableAccess: 'none', capabilities: ['publishEvents'] },
  },
  secrets: [
    { name: 'stripe-api-key', variable: paymentsVariables.stripeApiKeySecret, description: 'Stripe secret API key (sk_live_… / sk_test_…)' },
    { name: 'stripe-webhook-secret', variable: paymentsVariables.stripeWebhookSecret, description: 'Signing secret of the Stripe webhook endpoint (whsec_…)' },
    { name: 'razorpay-api-key', variable: paymentsVariables.razorpayApiKeySecret, description: 'Razorpay API key as JSON {"keyId":"rzp_…","keySecret":"…"}' },
    { name: 'razorpay-webhook-secret', variable: paymentsVariables.razorpayWebhookSecret, description: 'Razorpay webhook secret (the sandbox signs its webhooks with it too)' },
  ],
  routes: [
    { operation: receiveStripeWebhook, handler: 'stripe-webhook', secrets: ['stripe-webhook-secret', 'stripe-api-key'] },
    { operation: receiveRazorpayWebhook, handler: 'razorpay-webhook', secrets: ['razorpay-webhook-secret', 'razorpay-api-key'] },
  ],
  internalOperations: [
    {
      name: 'processPayment',
      handler: 'process-payment',
      // The sandbox signs the approval webhooks it sends to the shop's own API with Razorpay's webhook secret.
      secrets: ['stripe-api-key', 'razorpay-api-key', 'razorpay-webhook-secret'],
      platformValues: { [paymentsVariables.sandboxWebhookUrl]: 'http-api-url' },
    },
    { name: 'refundPayment', handler: 'refund-payment', secrets: ['stripe-api-key', 'razorpay-api-key'] },
  ],
});
