import { refundPayment } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { logger, paymentDependencies } from '../adapters/dependencies.js';
import { bothProviders } from '../adapters/live-providers.js';
import { refundPayment as undoPayment } from '../domain/refund-payment.js';
import type { PaymentDependencies } from '../domain/settlement.js';
import { problems } from '../problems.js';

/** The saga's compensation: refunds, cancels, or marks the order so it is never charged. */
export function refundPaymentHandler(deps: () => PaymentDependencies) {
  return internalHandler(refundPayment, { logger, problems }, async ({ orderId }, { correlationId }) => {
    const result = await undoPayment(deps(), orderId, correlationId ?? orderId);
    logger.info('payment undone', { orderId, status: result.status });
    return result;
  });
}

export const handler = refundPaymentHandler(paymentDependencies(bothProviders));
