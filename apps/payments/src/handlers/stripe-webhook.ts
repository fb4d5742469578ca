import { receiveStripeWebhook } from '@shoplane/contracts';
import { httpHandler } from '@shoplane/lambda-kit';
import { logger, webhookDependencies, type WebhookDependencies } from '../adapters/dependencies.js';
import { stripeFromEnvironment } from '../adapters/stripe-gateway.js';
import { stripeNotice, verifyStripeEvent } from '../adapters/stripe-webhooks.js';
import { headerOf, rawBodyOf } from '../adapters/webhook-request.js';
import { WebhookSignatureError } from '../domain/errors.js';
import { applyNotice } from '../domain/provider-notices.js';
import { now } from '../domain/settlement.js';
import { problems } from '../problems.js';
import { paymentsVariables } from '../variables.js';

/** Stripe's webhook: verified over the raw body, then a PaymentIntent's outcome settles its payment. */
export function stripeWebhookHandler(deps: () => WebhookDependencies) {
  return httpHandler(receiveStripeWebhook, { logger, problems }, async ({ event: request, correlationId }) => {
    const signature = headerOf(request, 'stripe-signature');
    if (!signature) throw new WebhookSignatureError();
    const dependencies = deps();
    const event = verifyStripeEvent(rawBodyOf(request), signature, await dependencies.signingSecret(), now(dependencies));
    const notice = stripeNotice(event);
    const outcome = notice ? await applyNotice(dependencies, notice, correlationId) : 'ignored';
    logger.info('stripe webhook handled', { eventId: event.id, eventType: event.type, orderId: notice?.orderId, outcome });
    return { status: 200, body: { received: true } };
  });
}

export const handler = stripeWebhookHandler(webhookDependencies({ stripe: stripeFromEnvironment }, paymentsVariables.stripeWebhookSecret, () => 'stripe'));
