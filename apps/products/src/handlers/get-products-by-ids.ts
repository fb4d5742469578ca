import { getProductsByIds } from '@shoplane/contracts';
import { internalHandler } from '@shoplane/lambda-kit';
import { catalogue, logger } from '../adapters/dependencies.js';
import { productsByIds, type CatalogueDependencies } from '../domain/catalogue.js';
import { problems } from '../problems.js';

/** Internal operation for carts and orders: products by id, archived ones included. */
export function getProductsByIdsHandler(deps: () => CatalogueDependencies) {
  return internalHandler(getProductsByIds, { logger, problems }, ({ productIds }) => productsByIds(deps(), productIds));
}

export const handler = getProductsByIdsHandler(catalogue);
