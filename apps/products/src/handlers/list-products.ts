import { listProducts } from '@shoplane/contracts';
import { httpHandler } from '@shoplane/lambda-kit';
import { catalogue, logger } from '../adapters/dependencies.js';
import { browseProducts, type CatalogueDependencies } from '../domain/catalogue.js';
import { problems } from '../problems.js';

export function listProductsHandler(deps: () => CatalogueDependencies) {
  return httpHandler(listProducts, { logger, problems }, async ({ query }) => ({ status: 200, body: await browseProducts(deps(), query) }));
}

export const handler = listProductsHandler(catalogue);
