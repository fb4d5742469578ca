import { createHmac } from 'node:crypto';
import { newId } from '@shoplane/contracts';
import { call, type Answer } from './shop-api.js';

/** A Razorpay `payment.*` webhook about one UPI payment, shaped as Razorpay documents it, signed with the webhook secret. */
export function sendRazorpayWebhook(
  baseUrl: string,
  secret: string,
  event: 'payment.captured' | 'payment.failed',
  payment: { reference: string; orderId: string; amount: number; currency: string },
): Promise<Answer> {
  const captured = event === 'payment.captured';
  const now = Math.floor(Date.now() / 1000);
  const body = {
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
  const signature = createHmac('sha256', secret).update(JSON.stringify(body), 'utf8').digest('hex');
  return call(baseUrl, 'POST', '/payments/webhooks/razorpay', { body, headers: { 'x-razorpay-signature': signature, 'x-razorpay-event-id': newId('evt') } });
}
