import { releaseReservation } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { inventory, logger } from '../adapters/dependencies.js';
import type { InventoryDependencies } from '../domain/inventory.js';
import { release } from '../domain/reservations.js';
import { problems } from '../problems.js';

export function releaseReservationHandler(deps: () => Pick<InventoryDependencies, 'reservations' | 'clock'>) {
  return internalHandler(releaseReservation, { logger, problems }, async ({ reservationId }) => ({
    reservationId,
    status: await release(deps(), reservationId),
  }));
}

export const handler = releaseReservationHandler(inventory);
