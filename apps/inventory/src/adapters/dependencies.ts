import { createDocumentClient, createLogger, dynamoIdempotencyStore, once, serviceTableName } from '@shoplane/lambda-kit';
import type { InventoryDependencies } from '../domain/inventory.js';
import { dynamoReservationRepository } from './reservation-repository.js';
import { dynamoStockRepository } from './stock-repository.js';

export const logger = createLogger('inventory');
const documentClient = createDocumentClient();

/** Wired once per container, on first use, from the environment the stack provides. */
export const inventory = once((): InventoryDependencies => {
  const tableName = serviceTableName('inventory');
  return {
    stock: dynamoStockRepository(documentClient, tableName),
    reservations: dynamoReservationRepository(documentClient, tableName),
  };
});

/** Restock answers replayed for a retried Idempotency-Key live in the inventory table itself. */
export const idempotencyStore = once(() => dynamoIdempotencyStore(documentClient, serviceTableName('inventory')));
