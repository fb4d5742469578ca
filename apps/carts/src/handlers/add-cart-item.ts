import { addCartItem } from '@shoplane/contracts';
import { httpHandler, type TokenVerifier } from '@shoplane/lambda-kit';
import { cartDependencies, logger } from '../adapters/dependencies.js';
import { addItem, type CartDependencies } from '../domain/carts.js';

export function addCartItemHandler(deps: () => CartDependencies, verifier?: () => TokenVerifier) {
  return httpHandler(addCartItem, { logger, verifier }, async ({ caller, body }) => ({
    status: 200,
    body: await addItem(deps(), caller, body),
    headers: { 'cache-control': 'private, no-store' },
  }));
}

export const handler = addCartItemHandler(cartDependencies);
