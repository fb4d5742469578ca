import { clearCart } from '@shoplane/contracts';
import { httpHandler, type TokenVerifier } from '@shoplane/lambda-kit';
import { cartDependencies, logger } from '../adapters/dependencies.js';
import { emptyCart, type CartDependencies } from '../domain/carts.js';

export function clearCartHandler(deps: () => CartDependencies, verifier?: () => TokenVerifier) {
  return httpHandler(clearCart, { logger, verifier }, async ({ caller }) => {
    await emptyCart(deps(), caller);
    return { status: 204 };
  });
}

export const handler = clearCartHandler(cartDependencies);
