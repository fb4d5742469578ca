import { archiveProduct as archiveProductOperation } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { catalogue, logger } from '../adapters/dependencies.js';
import { archiveProduct, type CatalogueDependencies } from '../domain/catalogue.js';
import { problems } from '../problems.js';

export function archiveProductHandler(deps: () => CatalogueDependencies, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(archiveProductOperation, { logger, problems, verifier }, async ({ params, correlationId }) => {
    await archiveProduct(deps(), params.productId, correlationId);
    return { status: 204 };
  });
}

export const handler = archiveProductHandler(catalogue);
