import { createOrder } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type IdempotencyStore, type TokenVerifier } from '@shoplane/lambda-kit';
import { idempotencyStore, logger, metrics, orderDependencies } from '../adapters/dependencies.js';
import { placeOrder, type OrdersDependencies } from '../domain/orders.js';
import { problems } from '../problems.js';

export function createOrderHandler(deps: () => OrdersDependencies, idempotency: () => IdempotencyStore, verifier: () => TokenVerifier = platformTokenVerifier) {
  // A replayed answer is a 200: the retry placed nothing new.
  return httpHandler(createOrder, { logger, idempotency, verifier, problems, replayStatus: 200 }, async ({ caller, body, correlationId, idempotencyKey }) => {
    const placed = await placeOrder(deps(), { caller, request: body, correlationId, idempotencyKey });
    if (!placed.existing) metrics.count('OrdersCreated');
    // The payment token is never logged.
    logger.info(placed.existing ? 'order request repeated' : 'order placed', { orderId: placed.orderId, paymentMethod: body.payment.method });
    return {
      status: placed.existing ? 200 : 201,
      body: { orderId: placed.orderId, status: placed.status },
      headers: { location: `/orders/${placed.orderId}`, ...(placed.existing ? { 'idempotent-replayed': 'true' } : {}) },
    };
  });
}

export const handler = createOrderHandler(orderDependencies, idempotencyStore);
