import { setCartItem } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { cartDependencies, logger } from '../adapters/dependencies.js';
import { setItem, type CartDependencies } from '../domain/carts.js';
import { problems } from '../problems.js';

export function setCartItemHandler(deps: () => CartDependencies, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(setCartItem, { logger, problems, verifier }, async ({ caller, params, body }) => ({
    status: 200,
    body: await setItem(deps(), caller, params.productId, body),
  }));
}

export const handler = setCartItemHandler(cartDependencies);
