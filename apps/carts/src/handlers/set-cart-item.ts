import { setCartItem } from '@shoplane/contracts';
import { httpHandler, type TokenVerifier } from '@shoplane/lambda-kit';
import { cartDependencies, logger } from '../adapters/dependencies.js';
import { setItem, type CartDependencies } from '../domain/carts.js';

export function setCartItemHandler(deps: () => CartDependencies, verifier?: () => TokenVerifier) {
  return httpHandler(setCartItem, { logger, verifier }, async ({ caller, params, body }) => ({
    status: 200,
    body: await setItem(deps(), caller, params.productId, body),
    headers: { 'cache-control': 'private, no-store' },
  }));
}

export const handler = setCartItemHandler(cartDependencies);
