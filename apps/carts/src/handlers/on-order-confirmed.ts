import { eventSubscriber } from '@shoplane/lambda-kit';
import { logger, orderingDependencies } from '../adapters/dependencies.js';
import { removeOrderedLines, type OrderingDependencies } from '../domain/ordering.js';

/** Takes a paid order's lines (by the ordered quantities) out of the customer's cart, once per order. */
export function onOrderConfirmedHandler(deps: () => OrderingDependencies) {
  return eventSubscriber(
    {
      OrderConfirmed: async ({ eventId, data }) => {
        const outcome = await removeOrderedLines(deps(), data);
        logger.info(outcome === 'settled' ? 'ordered lines removed from the cart' : 'order already settled in the cart', { eventId, orderId: data.orderId });
      },
    },
    logger,
  );
}

export const handler = onOrderConfirmedHandler(orderingDependencies);
