import type { BusinessMetrics } from '@shoplane/lambda-kit';
import type { NotificationRepository } from '../domain/ports.js';

/**
 * Counts NotificationsFailed each time a delivery records its message FAILED (the provider
 * refused it, stayed unreachable through the retries, or the recipient is unknown). A
 * delivery that finds the message already settled writes nothing and counts nothing.
 */
export function countingFailures(notifications: NotificationRepository, metrics: BusinessMetrics): NotificationRepository {
  return {
    ...notifications,
    async settle(request, claim, outcome, now) {
      const record = await notifications.settle(request, claim, outcome, now);
      if (outcome.status === 'FAILED') metrics.count('NotificationsFailed');
      return record;
    },
  };
}
