import { eventSubscriber } from '@shoplane/lambda-kit';
import { executions, logger } from '../adapters/dependencies.js';
import { startCheckout, type CheckoutExecutions } from '../domain/checkout-start.js';

/** Starts the order's checkout execution from OrderCreated; a duplicate event finds it started. */
export function startCheckoutHandler(deps: () => CheckoutExecutions) {
  return eventSubscriber(
    {
      OrderCreated: async (event) => {
        const outcome = await startCheckout(deps(), event);
        logger.info(outcome === 'started' ? 'checkout started' : 'checkout already started; duplicate OrderCreated ignored', {
          orderId: event.data.orderId,
          eventId: event.eventId,
        });
      },
    },
    logger,
  );
}

export const handler = startCheckoutHandler(executions);
