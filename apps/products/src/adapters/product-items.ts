import { Currency } from '@shoplane/contracts';
import type { CatalogueProduct } from '../domain/product.js';
import { listingKeys, productKey } from './table-layout.js';

type Item = Record<string, unknown>;

/** Thrown for a stored item that is not a product: a bug or a hand edit, never the client's doing. */
class CorruptProductItemError extends Error {
  constructor(field: string) {
    super(`Stored product item has no valid ${field}`);
    this.name = 'CorruptProductItemError';
  }
}

function text(item: Item, field: string): string {
  const value = item[field];
  if (typeof value !== 'string') throw new CorruptProductItemError(field);
  return value;
}

function integer(item: Item, field: string): number {
  const value = item[field];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new CorruptProductItemError(field);
  return value;
}

function price(item: Item): CatalogueProduct['price'] {
  const stored = item['price'];
  if (!stored || typeof stored !== 'object') throw new CorruptProductItemError('price');
  const amount = integer(stored as Item, 'amount');
  const currency = Currency.safeParse((stored as Item)['currency']);
  if (!currency.success) throw new CorruptProductItemError('price.currency');
  return { amount, currency: currency.data };
}

export function productFromItem(item: Item): CatalogueProduct {
  const imageUrl = item['imageUrl'];
  const stockVersion = item['stockVersion'];
  return {
    productId: text(item, 'productId'),
    name: text(item, 'name'),
    description: text(item, 'description'),
    category: text(item, 'category'),
    price: price(item),
    ...(typeof imageUrl === 'string' ? { imageUrl } : {}),
    status: item['status'] === 'archived' ? 'archived' : 'active',
    availableStock: integer(item, 'availableStock'),
    inStock: item['inStock'] === true,
    createdAt: text(item, 'createdAt'),
    updatedAt: text(item, 'updatedAt'),
    revision: integer(item, 'revision'),
    ...(typeof stockVersion === 'number' ? { stockVersion } : {}),
  };
}

/** The item for a new product: its fields, its key, and (while active) its index attributes. */
export function itemFromProduct(product: CatalogueProduct): Item {
  return { ...productKey(product.productId), ...product, ...(product.status === 'active' ? listingKeys(product) : {}) };
}
