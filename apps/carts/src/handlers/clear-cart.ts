import { clearCart } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { cartDependencies, logger } from '../adapters/dependencies.js';
import { emptyCart, type CartDependencies } from '../domain/carts.js';
import { problems } from '../problems.js';

export function clearCartHandler(deps: () => CartDependencies, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(clearCart, { logger, problems, verifier }, async ({ caller }) => {
    await emptyCart(deps(), caller);
    return { status: 204 };
  });
}

export const handler = clearCartHandler(cartDependencies);
