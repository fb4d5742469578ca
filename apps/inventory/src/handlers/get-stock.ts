import { getStock } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { inventory, logger } from '../adapters/dependencies.js';
import { stockOf, type InventoryDependencies } from '../domain/inventory.js';
import { problems } from '../problems.js';

export function getStockHandler(deps: () => Pick<InventoryDependencies, 'stock'>, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(getStock, { logger, problems, verifier }, async ({ params }) => ({
    status: 200,
    body: await stockOf(deps(), params.productId),
  }));
}

export const handler = getStockHandler(inventory);
