import { createProduct } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type IdempotencyStore, type TokenVerifier } from '@shoplane/lambda-kit';
import { catalogue, idempotencyStore, logger } from '../adapters/dependencies.js';
import { addProduct, type CatalogueDependencies } from '../domain/catalogue.js';
import { problems } from '../problems.js';

export function createProductHandler(
  deps: () => CatalogueDependencies,
  idempotency: () => IdempotencyStore,
  verifier: () => TokenVerifier = platformTokenVerifier,
) {
  return httpHandler(createProduct, { logger, problems, idempotency, verifier }, async ({ body, correlationId }) => {
    const { productId } = await addProduct(deps(), body, correlationId);
    logger.info('product created', { productId });
    return { status: 201, body: { message: 'Product created.', productId }, headers: { location: `/products/${productId}` } };
  });
}

export const handler = createProductHandler(catalogue, idempotencyStore);
