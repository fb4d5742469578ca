import { updateProduct } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { catalogue, logger } from '../adapters/dependencies.js';
import { editProduct, type CatalogueDependencies } from '../domain/catalogue.js';
import { problems } from '../problems.js';

export function updateProductHandler(deps: () => CatalogueDependencies, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(updateProduct, { logger, problems, verifier }, async ({ params, body, correlationId }) => ({
    status: 200,
    body: await editProduct(deps(), params.productId, body, correlationId),
  }));
}

export const handler = updateProductHandler(catalogue);
