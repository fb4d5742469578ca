import { archiveProduct as archiveProductOperation } from '@shoplane/contracts';
import { httpHandler, type TokenVerifier } from '@shoplane/lambda-kit';
import { catalogue, logger } from '../adapters/dependencies.js';
import { archiveProduct, type CatalogueDependencies } from '../domain/catalogue.js';

export function archiveProductHandler(deps: () => CatalogueDependencies, verifier?: () => TokenVerifier) {
  return httpHandler(archiveProductOperation, { logger, verifier }, async ({ params, correlationId }) => {
    await archiveProduct(deps(), params.productId, correlationId);
    return { status: 204 };
  });
}

export const handler = archiveProductHandler(catalogue);
