import { createHmac } from 'node:crypto';

/** Razorpay's webhook secret as the local shop holds it (the sandbox signs its approvals with it). */
export const razorpayWebhookSecret = 'shoplane/local/payments/razorpay-webhook-secret';

/** A Razorpay `payment.*` webhook about one UPI payment, shaped as Razorpay documents it. */
export function razorpayEvent(event: 'payment.captured' | 'payment.failed', payment: { reference: string; orderId: string; amount: number; currency: string }) {
  const captured = event === 'payment.captured';
  const now = Math.floor(Date.now() / 1000);
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
          created_at: now,
        },
      },
    },
    created_at: now,
  };
}

export type RazorpayEvent = ReturnType<typeof razorpayEvent>;

/** Razorpay's signature: HMAC-SHA256 (hex) of the raw body, which clients send as JSON.stringify(body). */
export function razorpaySignatureOf(body: RazorpayEvent, secret: string): string {
  return createHmac('sha256', secret).update(JSON.stringify(body), 'utf8').digest('hex');
}
