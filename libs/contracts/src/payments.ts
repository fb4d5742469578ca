import * as z from 'zod/mini';
import { defineOperation } from './http.js';

/**
 * Payments' HTTP operations: the providers' webhooks. Clients never call them; Stripe
 * and Razorpay (and, locally, the payment sandbox) do. Each is verified against the
 * provider's signature over the raw body before anything changes, so the body schemas
 * only check the envelope every event of that provider has and keep everything else:
 * they are `providerPayload` bodies, the only request bodies that accept unknown fields
 * (a provider adds fields to its events without asking; refusing them would drop payments).
 */
export const WebhookReceipt = z
  .object({ received: z.literal(true) })
  .register(z.globalRegistry, { id: 'WebhookReceipt', description: 'The event was verified and handled (or was already handled).' });
export type WebhookReceipt = z.infer<typeof WebhookReceipt>;

export const StripeWebhookEvent = z
  .looseObject({
    id: z.string(),
    type: z.string().register(z.globalRegistry, { examples: ['payment_intent.succeeded'] }),
    data: z.looseObject({ object: z.looseObject({}) }),
  })
  .register(z.globalRegistry, {
    id: 'StripeWebhookEvent',
    description:
      'A Stripe event object (https://docs.stripe.com/api/events/object); other fields are kept as sent. Unlike every other request body it accepts unknown fields: Stripe adds fields to its events without notice.',
  });

export const RazorpayWebhookEvent = z
  .looseObject({
    event: z.string().register(z.globalRegistry, { examples: ['payment.captured'] }),
    payload: z.looseObject({}),
  })
  .register(z.globalRegistry, {
    id: 'RazorpayWebhookEvent',
    description:
      'A Razorpay webhook payload (https://razorpay.com/docs/webhooks/payloads/payments/); other fields are kept as sent. Unlike every other request body it accepts unknown fields: Razorpay adds fields to its payloads without notice.',
  });

export const receiveStripeWebhook = defineOperation({
  operationId: 'receiveStripeWebhook',
  method: 'post',
  path: '/payments/webhooks/stripe',
  auth: 'public',
  tags: ['payments'],
  summary: 'Stripe webhook',
  description:
    'Called by Stripe. The `Stripe-Signature` header must sign the raw body with the endpoint\'s signing secret and a timestamp ' +
    'no older than five minutes; otherwise 400 and nothing changes. `payment_intent.succeeded` and `payment_intent.payment_failed` ' +
    'settle a payment waiting for the customer; a replayed event changes nothing and is answered 200 again.',
  request: { body: StripeWebhookEvent, providerPayload: true },
  responses: { 200: { description: 'Verified and handled.', schema: WebhookReceipt } },
  problems: [400, 503],
});

export const receiveRazorpayWebhook = defineOperation({
  operationId: 'receiveRazorpayWebhook',
  method: 'post',
  path: '/payments/webhooks/razorpay',
  auth: 'public',
  tags: ['payments'],
  summary: 'Razorpay webhook',
  description:
    'Called by Razorpay (and locally by the payment sandbox). The `X-Razorpay-Signature` header must be the HMAC-SHA256 (hex) of the ' +
    'raw body with the webhook secret; otherwise 400 and nothing changes. `payment.captured` and `payment.failed` settle a UPI payment ' +
    'waiting for the customer; a replayed event changes nothing and is answered 200 again.',
  request: { body: RazorpayWebhookEvent, providerPayload: true },
  responses: { 200: { description: 'Verified and handled.', schema: WebhookReceipt } },
  problems: [400, 503],
});

export const paymentOperations = [receiveStripeWebhook, receiveRazorpayWebhook];
