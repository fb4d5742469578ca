import { getProduct } from '@shoplane/contracts';
import { httpHandler } from '@shoplane/lambda-kit';
import { catalogue, logger } from '../adapters/dependencies.js';
import { activeProduct, type CatalogueDependencies } from '../domain/catalogue.js';
import { problems } from '../problems.js';

export function getProductHandler(deps: () => CatalogueDependencies) {
  return httpHandler(getProduct, { logger, problems }, async ({ params }) => ({ status: 200, body: await activeProduct(deps(), params.productId) }));
}

export const handler = getProductHandler(catalogue);
