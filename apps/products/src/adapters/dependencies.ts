import { createDocumentClient, createLogger, dynamoIdempotencyStore, once, serviceTableName } from '@shoplane/lambda-kit';
import type { CatalogueDependencies } from '../domain/catalogue.js';
import { dynamoProductRepository } from './product-repository.js';

export const logger = createLogger('products');
const documentClient = createDocumentClient();

/** Wired once per container, on first use, from the environment the stack provides. */
export const catalogue = once(
  (): CatalogueDependencies => ({ products: dynamoProductRepository(documentClient, serviceTableName('products')) }),
);

/** Idempotency-Key records live in the products table, beside the products they protect. */
export const idempotencyStore = once(() => dynamoIdempotencyStore(documentClient, serviceTableName('products')));
