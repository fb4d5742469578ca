import { getProductsByIds } from '@shoplane/contracts';
import { createDocumentClient, createLogger, internalClient, once, serviceTableName } from '@shoplane/lambda-kit';
import type { CartDependencies } from '../domain/carts.js';
import type { OrderingDependencies } from '../domain/ordering.js';
import { dynamoCartRepository } from './cart-repository.js';
import { dynamoOrderedLines } from './ordered-lines.js';
import { productCatalogue } from './product-catalogue.js';

export const logger = createLogger('carts');
const documentClient = createDocumentClient();

/** Wired once per container, on first use, from the environment the stack provides. */
export const cartDependencies = once(
  (): CartDependencies => ({
    carts: dynamoCartRepository(documentClient, serviceTableName('carts')),
    catalogue: productCatalogue(internalClient(getProductsByIds)),
  }),
);

/** What orders' getCartLines and the OrderConfirmed subscription use. */
export const orderingDependencies = once(
  (): OrderingDependencies => ({
    carts: dynamoCartRepository(documentClient, serviceTableName('carts')),
    orderedLines: dynamoOrderedLines(documentClient, serviceTableName('carts')),
  }),
);
