import { newId } from '@shoplane/contracts';
import { razorpayEvent, razorpaySignatureOf } from '@shoplane/testing/razorpay-webhooks';
import { call, type Answer } from './shop-api.js';

/** A Razorpay `payment.*` webhook about one UPI payment, shaped as Razorpay documents it, signed with the webhook secret. */
export function sendRazorpayWebhook(
  baseUrl: string,
  secret: string,
  event: 'payment.captured' | 'payment.failed',
  payment: { reference: string; orderId: string; amount: number; currency: string },
): Promise<Answer> {
  const body = razorpayEvent(event, payment);
  const signature = razorpaySignatureOf(body, secret);
  return call(baseUrl, 'POST', '/payments/webhooks/razorpay', { body, headers: { 'x-razorpay-signature': signature, 'x-razorpay-event-id': newId('evt') } });
}
