import { getCart } from '@shoplane/contracts';
import { httpHandler, type TokenVerifier } from '@shoplane/lambda-kit';
import { cartDependencies, logger } from '../adapters/dependencies.js';
import { viewCart, type CartDependencies } from '../domain/carts.js';

export function getCartHandler(deps: () => CartDependencies, verifier?: () => TokenVerifier) {
  return httpHandler(getCart, { logger, verifier }, async ({ caller }) => ({
    status: 200,
    body: await viewCart(deps(), caller),
    headers: { 'cache-control': 'private, no-store' },
  }));
}

export const handler = getCartHandler(cartDependencies);
