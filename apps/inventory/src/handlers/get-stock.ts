import { getStock } from '@shoplane/contracts';
import { httpHandler, type TokenVerifier } from '@shoplane/lambda-kit';
import { inventory, logger } from '../adapters/dependencies.js';
import { stockOf, type InventoryDependencies } from '../domain/inventory.js';

export function getStockHandler(deps: () => Pick<InventoryDependencies, 'stock'>, verifier?: () => TokenVerifier) {
  return httpHandler(getStock, { logger, verifier }, async ({ params }) => ({
    status: 200,
    body: await stockOf(deps(), params.productId),
    headers: { 'cache-control': 'private, no-store' },
  }));
}

export const handler = getStockHandler(inventory);
