import { confirmOrder } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { logger, metrics, orderDependencies } from '../adapters/dependencies.js';
import { confirmOrder as confirm } from '../domain/lifecycle.js';
import type { OrdersDependencies } from '../domain/orders.js';
import { problems } from '../problems.js';

/** PAYMENT_PENDING → CONFIRMED with OrderConfirmed; confirming a confirmed order answers the same. */
export function confirmOrderHandler(deps: () => Pick<OrdersDependencies, 'orders' | 'clock'>) {
  return internalHandler(confirmOrder, { logger, problems }, async ({ orderId, paymentId }) => {
    const { order, moved } = await confirm(deps(), orderId, paymentId);
    if (moved) metrics.count('OrdersConfirmed');
    return { orderId, status: 'CONFIRMED' as const, lines: order.lines, total: order.total };
  });
}

export const handler = confirmOrderHandler(orderDependencies);
