import { getCartLines } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { logger, orderingDependencies } from '../adapters/dependencies.js';
import { cartLinesToOrder, type OrderingDependencies } from '../domain/ordering.js';
import { problems } from '../problems.js';

/** Internal operation for orders: a customer's cart as products and quantities, to order it. */
export function getCartLinesHandler(deps: () => Pick<OrderingDependencies, 'carts'>) {
  return internalHandler(getCartLines, { logger, problems }, ({ userId }) => cartLinesToOrder(deps(), userId));
}

export const handler = getCartLinesHandler(orderingDependencies);
