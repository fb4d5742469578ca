import { commitReservation } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { inventory, logger } from '../adapters/dependencies.js';
import type { InventoryDependencies } from '../domain/inventory.js';
import { commit } from '../domain/reservations.js';
import { problems } from '../problems.js';

export function commitReservationHandler(deps: () => Pick<InventoryDependencies, 'reservations' | 'clock'>) {
  return internalHandler(commitReservation, { logger, problems }, async ({ reservationId }) => ({
    reservationId,
    status: await commit(deps(), reservationId),
  }));
}

export const handler = commitReservationHandler(inventory);
