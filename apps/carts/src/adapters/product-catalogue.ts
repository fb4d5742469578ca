import type { getProductsByIds, Product } from '@shoplane/contracts';
import type { InternalClient } from '@shoplane/lambda-kit';
import { chunked } from '../domain/cart-rules.js';
import type { ProductCatalogue } from '../domain/ports.js';

/** What products' getProductsByIds accepts in one call. */
const idsPerCall = 100;

/**
 * The catalogue as products serves it to other services: one getProductsByIds call per
 * 100 ids (a cart's 50 lines always take one), never one call per product.
 */
export function productCatalogue(getProducts: InternalClient<typeof getProductsByIds>): ProductCatalogue {
  return {
    async productsByIds(productIds) {
      const unique = [...new Set(productIds)];
      const answers = await Promise.all(chunked(unique, idsPerCall).map((productIds) => getProducts.call({ productIds })));
      return answers.flatMap((answer): Product[] => answer.products);
    },
  };
}
