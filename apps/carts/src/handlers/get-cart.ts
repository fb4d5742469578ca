import { getCart } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { cartDependencies, logger } from '../adapters/dependencies.js';
import { viewCart, type CartDependencies } from '../domain/carts.js';
import { problems } from '../problems.js';

export function getCartHandler(deps: () => CartDependencies, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(getCart, { logger, problems, verifier }, async ({ caller }) => ({
    status: 200,
    body: await viewCart(deps(), caller),
  }));
}

export const handler = getCartHandler(cartDependencies);
