import { maxMinorUnits } from '@shoplane/contracts';
import type { TableIndex } from '@shoplane/manifest';
import type { CatalogueProduct } from '../domain/product.js';

/**
 * Where products live in the products table, and the three sparse indexes the
 * listings query. Only active products carry index attributes, so archiving
 * (which removes them) takes a product out of every listing at once.
 */
export const productIndexes = {
  byCategoryPrice: { name: 'byCategoryPrice', partitionKey: { name: 'GSI1PK', type: 'S' }, sortKey: { name: 'GSI1SK', type: 'S' } },
  activeByCreation: { name: 'activeByCreation', partitionKey: { name: 'GSI2PK', type: 'S' }, sortKey: { name: 'GSI2SK', type: 'S' } },
  activeByPrice: { name: 'activeByPrice', partitionKey: { name: 'GSI3PK', type: 'S' }, sortKey: { name: 'GSI3SK', type: 'S' } },
} as const satisfies Record<string, TableIndex>;

export type ProductIndex = (typeof productIndexes)[keyof typeof productIndexes];

export const indexAttributes: readonly string[] = Object.values(productIndexes).flatMap((index) => [index.partitionKey.name, index.sortKey.name]);

/** Every active product is in this one partition of the two unfiltered indexes (see service.ts for why and how to shard). */
export const allActivePartition = 'PRODUCT';

export const productKey = (productId: string) => ({ PK: `PRODUCT#${productId}`, SK: 'PRODUCT' });
export const categoryPartition = (category: string) => `CATEGORY#${category}`;

/**
 * Wide enough for the largest price the contract accepts, so string order is
 * price order. Raising the ceiling by a digit means re-keying stored products
 * (rewrite GSI1SK/GSI3SK) before the new width is used.
 */
const priceDigits = String(maxMinorUnits).length;

/** A price as it appears in sort keys. */
export const pricedSortPrefix = new RegExp(`^\\d{${priceDigits}}$`);

export function priceKey(amount: number): string {
  return String(amount).padStart(priceDigits, '0');
}

/**
 * Index sort-key bounds covering every product priced within [min, max]. The
 * product id follows the price after `#`; `~` sorts after every id character.
 */
export function priceSortRange(min: number, max: number): { lower: string; upper: string } {
  return { lower: `${priceKey(min)}#`, upper: `${priceKey(max)}#~` };
}

/** The index attributes an active product carries; the product id breaks ties so every key is unique. */
export function listingKeys(product: Pick<CatalogueProduct, 'productId' | 'category' | 'price' | 'createdAt'>): Record<string, string> {
  const byPrice = `${priceKey(product.price.amount)}#${product.productId}`;
  return {
    GSI1PK: categoryPartition(product.category),
    GSI1SK: byPrice,
    GSI2PK: allActivePartition,
    GSI2SK: `${product.createdAt}#${product.productId}`,
    GSI3PK: allActivePartition,
    GSI3SK: byPrice,
  };
}
