import { processPayment } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { logger, paymentDependencies } from '../adapters/dependencies.js';
import { bothProviders } from '../adapters/live-providers.js';
import { processPayment as pay } from '../domain/process-payment.js';
import type { PaymentDependencies } from '../domain/settlement.js';
import { problems } from '../problems.js';

/**
 * The saga's ProcessPayment Task. Its events carry the correlation id the saga passes
 * along (the request that placed the order), or else the orderId. Work the gateway started in the background (the sandbox's
 * approval webhook) finishes before the function returns.
 */
export function processPaymentHandler(deps: () => PaymentDependencies) {
  return internalHandler(processPayment, { logger, problems }, async (input, { correlationId }) => {
    const dependencies = deps();
    try {
      const result = await pay(dependencies, input, correlationId ?? input.orderId);
      logger.info('payment processed', { orderId: result.orderId, paymentId: result.paymentId, status: result.status, reason: result.reason, waitingTask: input.taskToken !== undefined });
      return result;
    } finally {
      await dependencies.gateway.settled();
    }
  });
}

export const handler = processPaymentHandler(paymentDependencies(bothProviders));
