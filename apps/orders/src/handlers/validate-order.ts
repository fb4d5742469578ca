import { validateOrder } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { logger, orderDependencies } from '../adapters/dependencies.js';
import { orderToPay } from '../domain/lifecycle.js';
import type { OrdersDependencies } from '../domain/orders.js';
import { problems } from '../problems.js';

/** Checkout's first step: the order as it must be paid (its payment token included), if it is still CREATED. */
export function validateOrderHandler(deps: () => Pick<OrdersDependencies, 'orders' | 'clock'>) {
  return internalHandler(validateOrder, { logger, problems }, ({ orderId }) => orderToPay(deps(), orderId));
}

export const handler = validateOrderHandler(orderDependencies);
