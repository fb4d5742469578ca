import { cancelOrder } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { logger, orderDependencies } from '../adapters/dependencies.js';
import { cancelOrder as cancel } from '../domain/lifecycle.js';
import { toOrderView } from '../domain/order.js';
import type { OrdersDependencies } from '../domain/orders.js';
import { problems } from '../problems.js';

export function cancelOrderHandler(deps: () => Pick<OrdersDependencies, 'orders' | 'clock'>, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(cancelOrder, { logger, verifier, problems }, async ({ caller, params, correlationId }) => {
    const order = await cancel(deps(), caller, params.orderId, correlationId);
    logger.info('order cancelled', { orderId: order.orderId });
    return { status: 200, body: toOrderView(order) };
  });
}

export const handler = cancelOrderHandler(orderDependencies);
