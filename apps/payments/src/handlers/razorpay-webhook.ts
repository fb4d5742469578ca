import { receiveRazorpayWebhook } from '@shoplane/contracts';
import { httpHandler } from '@shoplane/lambda-kit';
import { razorpayWebhookProvider } from '../adapters/configuration.js';
import { logger, webhookDependencies, type WebhookDependencies } from '../adapters/dependencies.js';
import { razorpayFromEnvironment } from '../adapters/razorpay-gateway.js';
import { razorpayNotice, verifyRazorpaySignature } from '../adapters/razorpay-webhooks.js';
import { headerOf, rawBodyOf } from '../adapters/webhook-request.js';
import { WebhookSignatureError } from '../domain/errors.js';
import { applyNotice } from '../domain/provider-notices.js';
import { problems } from '../problems.js';
import { paymentsVariables } from '../variables.js';

/** Razorpay's webhook (and the sandbox's): verified over the raw body, then a UPI payment's outcome settles it. */
export function razorpayWebhookHandler(deps: () => WebhookDependencies) {
  return httpHandler(receiveRazorpayWebhook, { logger, problems }, async ({ event: request, body, correlationId }) => {
    const signature = headerOf(request, 'x-razorpay-signature');
    if (!signature) throw new WebhookSignatureError();
    const dependencies = deps();
    verifyRazorpaySignature(rawBodyOf(request), signature, await dependencies.signingSecret());
    const notice = razorpayNotice(body, dependencies.provider);
    const outcome = notice ? await applyNotice(dependencies, notice, correlationId) : 'ignored';
    logger.info('razorpay webhook handled', { eventId: headerOf(request, 'x-razorpay-event-id'), eventType: body.event, orderId: notice?.orderId, outcome });
    return { status: 200, body: { received: true } };
  });
}

export const handler = razorpayWebhookHandler(
  webhookDependencies({ razorpay: razorpayFromEnvironment }, paymentsVariables.razorpayWebhookSecret, () => razorpayWebhookProvider()),
);
