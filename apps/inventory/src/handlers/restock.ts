import { restock } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type IdempotencyStore, type TokenVerifier } from '@shoplane/lambda-kit';
import { idempotencyStore, inventory, logger } from '../adapters/dependencies.js';
import { restock as addStock, type InventoryDependencies } from '../domain/inventory.js';
import { problems } from '../problems.js';

export function restockHandler(
  deps: () => Pick<InventoryDependencies, 'stock' | 'clock'>,
  idempotency: () => IdempotencyStore,
  verifier: () => TokenVerifier = platformTokenVerifier,
) {
  return httpHandler(restock, { logger, problems, verifier, idempotency }, async ({ params, body, correlationId }) => {
    const record = await addStock(deps(), { productId: params.productId, quantity: body.quantity, correlationId });
    logger.info('restocked', { productId: record.productId, quantity: body.quantity, version: record.version });
    return { status: 200, body: record };
  });
}

export const handler = restockHandler(inventory, idempotencyStore);
