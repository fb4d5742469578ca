import { processPayment } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { logger, paymentDependencies } from '../adapters/dependencies.js';
import { bothProviders } from '../adapters/live-providers.js';
import { processPayment as pay } from '../domain/process-payment.js';
import type { PaymentDependencies } from '../domain/settlement.js';
import { problems } from '../problems.js';

/**
 * The saga's ProcessPayment Task. Events and logs are correlated by the orderId (the
 * saga's execution name). Work the gateway started in the background (the sandbox's
 * approval webhook) finishes before the function returns.
 */
export function processPaymentHandler(deps: () => PaymentDependencies) {
  return internalHandler(processPayment, { logger, problems }, async (input) => {
    const dependencies = deps();
    try {
      const result = await pay(dependencies, input, input.orderId);
      logger.info('payment processed', { orderId: result.orderId, paymentId: result.paymentId, status: result.status, reason: result.reason, waitingTask: input.taskToken !== undefined });
      return result;
    } finally {
      await dependencies.gateway.settled();
    }
  });
}

export const handler = processPaymentHandler(paymentDependencies(bothProviders));
