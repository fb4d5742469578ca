import { listOrders } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { logger, orderDependencies } from '../adapters/dependencies.js';
import { listOwnOrders, type OrdersDependencies } from '../domain/orders.js';
import { problems } from '../problems.js';

export function listOrdersHandler(deps: () => Pick<OrdersDependencies, 'orders'>, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(listOrders, { logger, verifier, problems }, async ({ caller, query }) => ({
    status: 200,
    body: await listOwnOrders(deps(), caller, query),
  }));
}

export const handler = listOrdersHandler(orderDependencies);
