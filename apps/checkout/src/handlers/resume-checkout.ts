import { eventSubscriber } from '@shoplane/lambda-kit';
import { executions, logger, settlement } from '../adapters/dependencies.js';
import { resumeStalledCheckout, type StalledCheckoutDependencies } from '../domain/stalled-checkout.js';

/** Acts on orders' sweeper: restarts an order's checkout, or compensates an order no execution will finish. */
export function resumeCheckoutHandler(deps: () => StalledCheckoutDependencies) {
  return eventSubscriber(
    {
      OrderCheckoutStalled: async (event) => {
        const outcome = await resumeStalledCheckout(deps(), event);
        logger.info(`stalled checkout: ${event.data.action} → ${outcome.action}`, { ...outcome, orderId: event.data.orderId, eventId: event.eventId });
      },
    },
    logger,
  );
}

export const handler = resumeCheckoutHandler(() => ({ executions: executions(), settlement: settlement() }));
