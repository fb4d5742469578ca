import { getCartLines, getProductsByIds } from '@shoplane/contracts';
import { createDocumentClient, createLogger, dynamoIdempotencyStore, internalClient, metricsOf, once, serviceTableName } from '@shoplane/lambda-kit';
import type { OrdersDependencies } from '../domain/orders.js';
import { cartSource, productCatalogue } from './catalogue.js';
import { dynamoOrderRepository } from './order-repository.js';

export const logger = createLogger('orders');
/** OrdersCreated, OrdersConfirmed, OrdersFailed (also by reason). */
export const metrics = metricsOf(logger);
const documentClient = createDocumentClient();

/** Wired once per container, on first use, from the environment the stack provides. */
export const orderDependencies = once(
  (): OrdersDependencies => ({
    orders: dynamoOrderRepository(documentClient, serviceTableName('orders')),
    catalogue: productCatalogue(internalClient(getProductsByIds)),
    cart: cartSource(internalClient(getCartLines)),
  }),
);

/** Idempotency-Key records live in the orders table, beside the orders they protect. */
export const idempotencyStore = once(() => dynamoIdempotencyStore(documentClient, serviceTableName('orders')));
