import { removeCartItem } from '@shoplane/contracts';
import { httpHandler, type TokenVerifier } from '@shoplane/lambda-kit';
import { cartDependencies, logger } from '../adapters/dependencies.js';
import { removeItem, type CartDependencies } from '../domain/carts.js';

export function removeCartItemHandler(deps: () => CartDependencies, verifier?: () => TokenVerifier) {
  return httpHandler(removeCartItem, { logger, verifier }, async ({ caller, params }) => ({
    status: 200,
    body: await removeItem(deps(), caller, params.productId),
    headers: { 'cache-control': 'private, no-store' },
  }));
}

export const handler = removeCartItemHandler(cartDependencies);
