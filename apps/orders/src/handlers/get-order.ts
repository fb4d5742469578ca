import { getOrder } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { logger, orderDependencies } from '../adapters/dependencies.js';
import { viewOrder, type OrdersDependencies } from '../domain/orders.js';
import { problems } from '../problems.js';

export function getOrderHandler(deps: () => Pick<OrdersDependencies, 'orders'>, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(getOrder, { logger, verifier, problems }, async ({ caller, params }) => ({
    status: 200,
    body: await viewOrder(deps(), caller, params.orderId),
  }));
}

export const handler = getOrderHandler(orderDependencies);
