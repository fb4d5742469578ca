import { OrderId } from '@shoplane/contracts';
import Stripe from 'stripe';
import { WebhookSignatureError } from '../domain/errors.js';
import type { ProviderNotice } from '../domain/provider-notices.js';
import { verdictOfIntent } from './stripe-gateway.js';

/** Stripe's own tolerance: a signature older than five minutes is a replay, not a delivery. */
export const stripeSignatureToleranceSeconds = 300;

/**
 * The event the raw body carries, when `Stripe-Signature` signs it with the endpoint's
 * secret and a fresh timestamp (stripe.webhooks.constructEvent, computed offline).
 */
export function verifyStripeEvent(rawBody: string, signature: string | undefined, secret: string, now = new Date()): Stripe.Event {
  if (!signature) throw new WebhookSignatureError();
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret, stripeSignatureToleranceSeconds, undefined, now.getTime());
  } catch (error) {
    throw new WebhookSignatureError(error);
  }
}

/**
 * The notice a verified event carries: a PaymentIntent of ours (metadata names the
 * order) that succeeded or failed. Other events are no notice.
 */
export function stripeNotice(event: Stripe.Event): ProviderNotice | undefined {
  if (event.type !== 'payment_intent.succeeded' && event.type !== 'payment_intent.payment_failed') return undefined;
  const intent = event.data.object;
  const orderId = OrderId.safeParse(intent.metadata?.['orderId']);
  if (!orderId.success) return undefined;
  const verdict = verdictOfIntent(intent);
  // A failed event's intent is back to requires_payment_method; a succeeded one is succeeded. Anything else is not news.
  return verdict.status === 'PENDING' ? undefined : { orderId: orderId.data, verdict };
}
