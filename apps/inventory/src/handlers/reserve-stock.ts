import { reserveStock } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { inventory, logger } from '../adapters/dependencies.js';
import type { InventoryDependencies } from '../domain/inventory.js';
import { reserve } from '../domain/reservations.js';
import { problems } from '../problems.js';

export function reserveStockHandler(deps: () => Pick<InventoryDependencies, 'reservations' | 'clock'>) {
  return internalHandler(reserveStock, { logger, problems }, async (input) => {
    const reservation = await reserve(deps(), input);
    return { reservationId: reservation.reservationId, status: 'reserved' as const, items: reservation.items };
  });
}

export const handler = reserveStockHandler(inventory);
