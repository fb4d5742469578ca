import { removeCartItem } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { cartDependencies, logger } from '../adapters/dependencies.js';
import { removeItem, type CartDependencies } from '../domain/carts.js';
import { problems } from '../problems.js';

export function removeCartItemHandler(deps: () => CartDependencies, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(removeCartItem, { logger, problems, verifier }, async ({ caller, params }) => ({
    status: 200,
    body: await removeItem(deps(), caller, params.productId),
  }));
}

export const handler = removeCartItemHandler(cartDependencies);
