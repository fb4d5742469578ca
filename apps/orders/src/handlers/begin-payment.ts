import { beginPayment } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { logger, orderDependencies } from '../adapters/dependencies.js';
import { beginPayment as begin } from '../domain/lifecycle.js';
import type { OrdersDependencies } from '../domain/orders.js';
import { problems } from '../problems.js';

/** CREATED → PAYMENT_PENDING, racing the customer's cancel: exactly one wins. */
export function beginPaymentHandler(deps: () => Pick<OrdersDependencies, 'orders' | 'clock'>) {
  return internalHandler(beginPayment, { logger, problems }, async ({ orderId }) => {
    await begin(deps(), orderId);
    return { orderId, status: 'PAYMENT_PENDING' as const };
  });
}

export const handler = beginPaymentHandler(orderDependencies);
