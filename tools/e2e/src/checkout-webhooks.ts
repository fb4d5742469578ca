import { newId } from '@shoplane/contracts';
import type { RazorpayEvent } from '@shoplane/testing/razorpay-webhooks';
import type { RecordingClient } from './journey-client.js';

export { razorpayEvent, razorpaySignatureOf, razorpayWebhookSecret, type RazorpayEvent } from '@shoplane/testing/razorpay-webhooks';

/** POSTs a webhook through the generated client with this signature header (none when undefined). */
export function sendRazorpayWebhook(client: RecordingClient, body: RazorpayEvent, signature: string | undefined) {
  const signed = signature === undefined ? {} : { 'x-razorpay-signature': signature };
  return client.api.POST('/payments/webhooks/razorpay', { body, headers: { ...signed, 'x-razorpay-event-id': newId('evt') } });
}
