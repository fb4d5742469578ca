import type { getCartLines, getProductsByIds, Product } from '@shoplane/contracts';
import type { InternalClient } from '@shoplane/lambda-kit';
import type { CartSource, ProductCatalogue } from '../domain/ports.js';

/** The catalogue as products serves it: an order's at most 50 distinct products take one getProductsByIds call. */
export function productCatalogue(getProducts: InternalClient<typeof getProductsByIds>): ProductCatalogue {
  return {
    async productsByIds(productIds, correlationId) {
      const { products } = await getProducts.call({ productIds: [...new Set(productIds)] }, correlationId ? { correlationId } : {});
      return new Map(products.map((product): [string, Product] => [product.productId, product]));
    },
  };
}

/** The customer's cart as carts serves it; orders never reads carts' table. */
export function cartSource(getLines: InternalClient<typeof getCartLines>): CartSource {
  return {
    async linesOf(userId, correlationId) {
      return (await getLines.call({ userId }, correlationId ? { correlationId } : {})).lines;
    },
  };
}
