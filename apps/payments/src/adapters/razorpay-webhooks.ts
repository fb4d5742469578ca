import { OrderId } from '@shoplane/contracts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { WebhookSignatureError } from '../domain/errors.js';
import type { DeclineReason, ProviderName } from '../domain/payment.js';
import type { ProviderNotice } from '../domain/provider-notices.js';

/** Razorpay's `error_reason` as our decline reason. */
export function declineReasonOf(reason: string | null | undefined): DeclineReason {
  return reason === 'insufficient_funds' || reason === 'insufficient_balance' ? 'insufficient-funds' : 'payment-declined';
}

/** Razorpay signs a webhook with HMAC-SHA256 (hex) of its raw body and the webhook secret. */
export function razorpaySignature(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

/** Throws WebhookSignatureError unless `signature` signs exactly these bytes (compared in constant time). */
export function verifyRazorpaySignature(rawBody: string, signature: string | undefined, secret: string): void {
  const expected = Buffer.from(razorpaySignature(rawBody, secret), 'utf8');
  const given = Buffer.from(signature ?? '', 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new WebhookSignatureError();
}

/** Razorpay sends `notes` as an object, or as `[]` when empty. */
const Notes = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]);

const PaymentEvent = z.object({
  event: z.string(),
  payload: z.object({
    payment: z.object({
      entity: z.object({ id: z.string(), status: z.string(), notes: z.optional(Notes), error_reason: z.optional(z.nullable(z.string())) }),
    }),
  }),
});

const verdicts: Record<string, 'CAPTURED' | 'DECLINED'> = { 'payment.captured': 'CAPTURED', 'payment.failed': 'DECLINED' };

/**
 * The notice a verified Razorpay event carries: `payment.captured` and `payment.failed`
 * of a payment whose notes name our order. Anything else (other events, other
 * integrations' payments) is no notice. `provider` is `sandbox` when the sandbox sent it.
 */
export function razorpayNotice(event: unknown, provider: ProviderName): ProviderNotice | undefined {
  const parsed = PaymentEvent.safeParse(event);
  const outcome = parsed.success ? verdicts[parsed.data.event] : undefined;
  if (!parsed.success || !outcome) return undefined;
  const payment = parsed.data.payload.payment.entity;
  const orderId = OrderId.safeParse(Array.isArray(payment.notes) ? undefined : payment.notes?.['orderId']);
  if (!orderId.success) return undefined;
  const verdict =
    outcome === 'CAPTURED'
      ? { status: outcome, provider, reference: payment.id }
      : { status: outcome, provider, reference: payment.id, reason: declineReasonOf(payment.error_reason) };
  return { orderId: orderId.data, verdict };
}

export interface RazorpayPaymentEventInput {
  event: 'payment.captured' | 'payment.failed';
  paymentReference: string;
  orderId: string;
  amount: { amount: number; currency: string };
  at: Date;
}

/** A webhook body in Razorpay's shape (https://razorpay.com/docs/webhooks/payloads/payments/), as the sandbox sends it. */
export function razorpayPaymentEvent(input: RazorpayPaymentEventInput) {
  const createdAt = Math.floor(input.at.getTime() / 1000);
  const captured = input.event === 'payment.captured';
  return {
    entity: 'event',
    account_id: 'acc_sandbox',
    event: input.event,
    contains: ['payment'],
    payload: {
      payment: {
        entity: {
          id: input.paymentReference,
          entity: 'payment',
          amount: input.amount.amount,
          currency: input.amount.currency,
          status: captured ? 'captured' : 'failed',
          method: 'upi',
          captured,
          error_reason: captured ? null : 'payment_failed',
          notes: { orderId: input.orderId },
          created_at: createdAt,
        },
      },
    },
    created_at: createdAt,
  };
}
