import { addCartItem } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { cartDependencies, logger } from '../adapters/dependencies.js';
import { addItem, type CartDependencies } from '../domain/carts.js';
import { problems } from '../problems.js';

export function addCartItemHandler(deps: () => CartDependencies, verifier: () => TokenVerifier = platformTokenVerifier) {
  return httpHandler(addCartItem, { logger, problems, verifier }, async ({ caller, body }) => ({
    status: 200,
    body: await addItem(deps(), caller, body),
  }));
}

export const handler = addCartItemHandler(cartDependencies);
