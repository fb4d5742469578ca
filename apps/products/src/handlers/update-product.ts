import { updateProduct } from '@shoplane/contracts';
import { httpHandler, type TokenVerifier } from '@shoplane/lambda-kit';
import { catalogue, logger } from '../adapters/dependencies.js';
import { editProduct, type CatalogueDependencies } from '../domain/catalogue.js';

export function updateProductHandler(deps: () => CatalogueDependencies, verifier?: () => TokenVerifier) {
  return httpHandler(updateProduct, { logger, verifier }, async ({ params, body, correlationId }) => ({
    status: 200,
    body: await editProduct(deps(), params.productId, body, correlationId),
  }));
}

export const handler = updateProductHandler(catalogue);
