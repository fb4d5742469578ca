import { eventSubscriber } from '@shoplane/lambda-kit';
import { logger, notificationDependencies } from '../adapters/dependencies.js';
import type { Delivery } from '../domain/delivery.js';
import { confirmOrder, reportOrderFailure, type NotificationDependencies } from '../domain/notifications.js';

function logged(eventId: string, { record, duplicate }: Delivery): void {
  logger.info(duplicate ? 'notification already sent' : 'notification sent', {
    eventId,
    notificationId: record.notificationId,
    template: record.template,
    orderId: record.orderId,
    attempts: record.attempts,
  });
}

/**
 * Tells the customer how their order ended: a confirmation with its lines and
 * total, or why it failed. A message that could not be sent is reported as a
 * batch item failure: the queue redelivers it and finally keeps it in its DLQ.
 */
export function onOrderOutcomeHandler(deps: () => NotificationDependencies) {
  return eventSubscriber(
    {
      OrderConfirmed: async (event) => logged(event.eventId, await confirmOrder(deps(), event)),
      OrderFailed: async (event) => logged(event.eventId, await reportOrderFailure(deps(), event)),
    },
    logger,
  );
}

export const handler = onOrderOutcomeHandler(notificationDependencies);
