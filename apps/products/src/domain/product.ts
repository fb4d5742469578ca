import type { CreateProductRequest, Money, Product, UpdateProductRequest } from '@shoplane/contracts';

/**
 * A product as the catalogue keeps it: the public fields plus what guards its
 * writes. `revision` counts catalogue edits (optimistic concurrency for PATCH);
 * `stockVersion` is the inventory version its stock figures come from, absent
 * until inventory has reported once.
 */
export interface CatalogueProduct extends Product {
  revision: number;
  stockVersion?: number;
}

/** Fields an admin may change, as named in `ProductUpdated.changed`. */
export const editableFields = ['name', 'description', 'category', 'price', 'imageUrl'] as const;
export type EditableField = (typeof editableFields)[number];

export interface StockLevel {
  availableStock: number;
  inStock: boolean;
}

export function stockLevel(availableStock: number): StockLevel {
  return { availableStock, inStock: availableStock > 0 };
}

export function newProduct(productId: string, request: CreateProductRequest, now: Date): CatalogueProduct {
  const timestamp = now.toISOString();
  return {
    productId,
    name: request.name,
    description: request.description,
    category: request.category,
    price: { amount: request.price.amount, currency: request.price.currency },
    ...(request.imageUrl === undefined ? {} : { imageUrl: request.imageUrl }),
    status: 'active',
    // Until inventory reports, the initial stock is the best figure there is.
    ...stockLevel(request.stock),
    createdAt: timestamp,
    updatedAt: timestamp,
    revision: 1,
  };
}

const samePrice = (a: Money, b: Money) => a.amount === b.amount && a.currency === b.currency;

function differs(field: EditableField, current: CatalogueProduct, patch: UpdateProductRequest): boolean {
  switch (field) {
    case 'price':
      return patch.price !== undefined && !samePrice(patch.price, current.price);
    case 'imageUrl':
      // `null` removes the image; `undefined` leaves it alone.
      return patch.imageUrl !== undefined && (patch.imageUrl ?? undefined) !== current.imageUrl;
    default:
      return patch[field] !== undefined && patch[field] !== current[field];
  }
}

/**
 * The product after an admin's patch, and the fields that really changed.
 * Sending a field with its current value changes nothing, so no edit is
 * recorded and no event is published for it.
 */
export function applyPatch(current: CatalogueProduct, patch: UpdateProductRequest, now: Date): { next: CatalogueProduct; changed: EditableField[] } {
  const changed = editableFields.filter((field) => differs(field, current, patch));
  if (changed.length === 0) return { next: current, changed };
  const { imageUrl: _previousImage, ...rest } = current;
  const imageUrl = changed.includes('imageUrl') ? (patch.imageUrl ?? undefined) : current.imageUrl;
  const next: CatalogueProduct = {
    ...rest,
    ...(changed.includes('name') && patch.name !== undefined ? { name: patch.name } : {}),
    ...(changed.includes('description') && patch.description !== undefined ? { description: patch.description } : {}),
    ...(changed.includes('category') && patch.category !== undefined ? { category: patch.category } : {}),
    ...(changed.includes('price') && patch.price !== undefined ? { price: { amount: patch.price.amount, currency: patch.price.currency } } : {}),
    ...(imageUrl === undefined ? {} : { imageUrl }),
    updatedAt: now.toISOString(),
    revision: current.revision + 1,
  };
  return { next, changed };
}

export function archived(current: CatalogueProduct, now: Date): CatalogueProduct {
  return { ...current, status: 'archived', updatedAt: now.toISOString(), revision: current.revision + 1 };
}

/** The public view: what the API and other services see. */
export function toProduct(product: CatalogueProduct): Product {
  const { revision: _revision, stockVersion: _stockVersion, ...visible } = product;
  return visible;
}
