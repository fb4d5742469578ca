import { eventSubscriber } from '@shoplane/lambda-kit';
import { inventory, logger } from '../adapters/dependencies.js';
import type { InventoryDependencies } from '../domain/inventory.js';
import { ReservationStateError } from '../domain/errors.js';
import { release } from '../domain/reservations.js';

/**
 * A failed order holds no stock: its reservation (id = order id) is released here too, not
 * only by checkout's compensation. That covers a compensation that died between failing the
 * order and releasing (a crash, a restart), at once rather than at the sweeper's next look.
 * Releasing is idempotent; an order that never reserved leaves a released placeholder.
 */
export function onOrderFailedHandler(deps: () => Pick<InventoryDependencies, 'reservations' | 'clock'>) {
  return eventSubscriber(
    {
      OrderFailed: async (event) => {
        const { orderId } = event.data;
        try {
          await release(deps(), orderId);
          logger.info('reservation of a failed order released (or already released)', { orderId, eventId: event.eventId });
        } catch (error) {
          // Committed units left the building with a payment: only a person can sort that out.
          if (!(error instanceof ReservationStateError)) throw error;
          logger.error('failed order has a committed reservation; left as it is', { orderId, eventId: event.eventId });
        }
      },
    },
    logger,
  );
}

export const handler = onOrderFailedHandler(inventory);
