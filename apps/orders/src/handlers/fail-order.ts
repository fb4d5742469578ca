import { failOrder } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { logger, metrics, orderDependencies } from '../adapters/dependencies.js';
import { failOrder as fail } from '../domain/lifecycle.js';
import type { OrdersDependencies } from '../domain/orders.js';
import { problems } from '../problems.js';

/** CREATED | PAYMENT_PENDING → FAILED with OrderFailed; a failed order stays failed, a cancelled one cancelled. */
export function failOrderHandler(deps: () => Pick<OrdersDependencies, 'orders' | 'clock'>) {
  return internalHandler(failOrder, { logger, problems }, async ({ orderId, reason, detail }) => {
    const { order, moved } = await fail(deps(), orderId, { reason, ...(detail === undefined ? {} : { detail }) });
    if (moved && order.status === 'FAILED') metrics.count('OrdersFailed', { reason });
    return { orderId, status: order.status === 'CANCELLED' ? ('CANCELLED' as const) : ('FAILED' as const) };
  });
}

export const handler = failOrderHandler(orderDependencies);
