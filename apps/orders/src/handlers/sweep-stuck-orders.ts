import { instrumented } from '@shoplane/lambda-kit';
import type { ScheduledEvent } from 'aws-lambda';
import { logger, metrics, orderDependencies } from '../adapters/dependencies.js';
import type { OrdersDependencies } from '../domain/orders.js';
import { sweepStuckOrders, type SweptOrderOutcome } from '../domain/sweeper.js';

/**
 * Run by its schedule: every order its checkout left unsettled past a deadline is handed to
 * checkout (restart, abandon or settle), each counted as OrdersSwept by action.
 */
export function sweepStuckOrdersHandler(deps: () => Pick<OrdersDependencies, 'orders' | 'clock'>) {
  return instrumented(logger, async (_event: ScheduledEvent): Promise<{ swept: SweptOrderOutcome[] }> => {
    const swept = await sweepStuckOrders(deps());
    for (const outcome of swept) {
      metrics.count('OrdersSwept', { action: outcome.action });
      logger.info(`sweep: ${outcome.action}`, { ...outcome });
    }
    return { swept };
  });
}

export const handler = sweepStuckOrdersHandler(orderDependencies);
