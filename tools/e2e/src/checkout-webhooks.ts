import { createHmac } from 'node:crypto';
import { newId } from '@shoplane/contracts';
import type { RecordingClient } from './journey-client.js';

/** Razorpay's webhook secret as the local shop holds it (the sandbox signs its approvals with it). */
export const razorpayWebhookSecret = 'shoplane/local/payments/razorpay-webhook-secret';

/** A Razorpay `payment.*` webhook about one UPI payment, shaped as Razorpay documents it. */
export function razorpayEvent(event: 'payment.captured' | 'payment.failed', payment: { reference: string; orderId: string; amount: number; currency: string }) {
  const captured = event === 'payment.captured';
  return {
    entity: 'event',
    account_id: 'acc_sandbox',
    event,
    contains: ['payment'],
    payload: {
      payment: {
        entity: {
          id: payment.reference,
          entity: 'payment',
          amount: payment.amount,
          currency: payment.currency,
          status: captured ? 'captured' : 'failed',
          method: 'upi',
          captured,
          error_reason: captured ? null : 'payment_failed',
          notes: { orderId: payment.orderId },
          created_at: Math.floor(Date.now() / 1000),
        },
      },
    },
    created_at: Math.floor(Date.now() / 1000),
  };
}

export type RazorpayEvent = ReturnType<typeof razorpayEvent>;

/** Razorpay's signature: HMAC-SHA256 (hex) of the raw body, which the generated client sends as JSON.stringify(body). */
export function razorpaySignatureOf(body: RazorpayEvent, secret: string): string {
  return createHmac('sha256', secret).update(JSON.stringify(body), 'utf8').digest('hex');
}

/** POSTs a webhook through the generated client with this signature header (none when undefined). */
export function sendRazorpayWebhook(client: RecordingClient, body: RazorpayEvent, signature: string | undefined) {
  const signed = signature === undefined ? {} : { 'x-razorpay-signature': signature };
  return client.api.POST('/payments/webhooks/razorpay', { body, headers: { ...signed, 'x-razorpay-event-id': newId('evt') } });
}
