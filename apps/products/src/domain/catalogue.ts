import {
  newId,
  ProductNotFoundError,
  toEnvelope,
  type CreateProductRequest,
  type EventData,
  type InternalOutput,
  type ListProductsQuery,
  type Product,
  type ProductPage,
  type UpdateProductRequest,
  type getProductsByIds,
} from '@shoplane/contracts';
import { ProductChangedConcurrentlyError } from './errors.js';
import { listingPlan } from './listing.js';
import type { ProductRepository } from './ports.js';
import { applyPatch, archived, newProduct, stockLevel, toProduct } from './product.js';

export interface CatalogueDependencies {
  products: ProductRepository;
  clock?: () => Date;
  /** Generates product ids; the seed supplies fixed ones so that seeding twice creates nothing. */
  newProductId?: () => string;
}

/** Edits of one product rarely race; when they do, each retry re-reads and re-applies the patch. */
const editAttempts = 5;

const now = (deps: CatalogueDependencies) => deps.clock?.() ?? new Date();

export async function addProduct(deps: CatalogueDependencies, request: CreateProductRequest, correlationId: string): Promise<{ productId: string }> {
  const at = now(deps);
  const product = newProduct(deps.newProductId?.() ?? newId('prd'), request, at);
  const created = toEnvelope(
    'products',
    {
      eventType: 'ProductCreated',
      correlationId,
      data: { productId: product.productId, name: product.name, category: product.category, price: product.price, stock: request.stock },
    },
    at,
  );
  await deps.products.create(product, [created]);
  return { productId: product.productId };
}

/** An active product; archived ones are gone from the public catalogue. */
export async function activeProduct(deps: CatalogueDependencies, productId: string): Promise<Product> {
  const product = await deps.products.findById(productId);
  if (!product || product.status !== 'active') throw new ProductNotFoundError();
  return toProduct(product);
}

export async function browseProducts(deps: CatalogueDependencies, query: ListProductsQuery): Promise<ProductPage> {
  const page = await deps.products.list(listingPlan(query), query.cursor);
  return { items: page.items.map(toProduct), nextCursor: page.nextCursor };
}

export async function editProduct(
  deps: CatalogueDependencies,
  productId: string,
  patch: UpdateProductRequest,
  correlationId: string,
): Promise<Product> {
  for (let attempt = 1; attempt <= editAttempts; attempt++) {
    const current = await deps.products.findById(productId, { consistent: true });
    if (!current || current.status !== 'active') throw new ProductNotFoundError();
    const at = now(deps);
    const { next, changed } = applyPatch(current, patch, at);
    if (changed.length === 0) return toProduct(current);
    const data: EventData<'ProductUpdated'> = {
      productId,
      name: next.name,
      category: next.category,
      price: next.price,
      status: next.status,
      changed,
    };
    try {
      await deps.products.edit({ previous: current, next, changed }, [toEnvelope('products', { eventType: 'ProductUpdated', correlationId, data }, at)]);
      return toProduct(next);
    } catch (error) {
      if (!(error instanceof ProductChangedConcurrentlyError) || attempt === editAttempts) throw error;
    }
  }
  throw new ProductChangedConcurrentlyError();
}

/** Archiving is idempotent: an archived product stays archived and nothing is published again. */
export async function archiveProduct(deps: CatalogueDependencies, productId: string, correlationId: string): Promise<void> {
  const current = await deps.products.findById(productId, { consistent: true });
  if (!current) throw new ProductNotFoundError();
  if (current.status === 'archived') return;
  const at = now(deps);
  const event = toEnvelope('products', { eventType: 'ProductArchived', correlationId, data: { productId } }, at);
  await deps.products.archive(archived(current, at), [event]);
}

/** For carts and orders: every requested product that exists, archived ones included, and the ids that do not. */
export async function productsByIds(deps: CatalogueDependencies, productIds: string[]): Promise<InternalOutput<typeof getProductsByIds>> {
  const requested = [...new Set(productIds)];
  const found = new Map((await deps.products.findMany(requested)).map((product) => [product.productId, product]));
  return {
    products: requested.flatMap((id) => {
      const product = found.get(id);
      return product ? [toProduct(product)] : [];
    }),
    missing: requested.filter((id) => !found.has(id)),
  };
}

/**
 * Keeps the stock shown with a product current. Inventory's `version` orders its
 * updates, so a replayed or late event (older than what is stored) changes nothing.
 */
export async function recordInventory(deps: CatalogueDependencies, update: EventData<'InventoryUpdated'>): Promise<boolean> {
  return deps.products.recordStock(update.productId, { ...stockLevel(update.availableStock), version: update.version });
}
