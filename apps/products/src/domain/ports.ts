import type { DomainEvent } from '@shoplane/contracts';
import type { ListingPlan } from './listing.js';
import type { CatalogueProduct, EditableField, StockLevel } from './product.js';

export interface ProductPage {
  items: CatalogueProduct[];
  nextCursor: string | null;
}

export interface ProductEdit {
  /** The product as read; the write only succeeds if it is still at this revision and active. */
  previous: CatalogueProduct;
  next: CatalogueProduct;
  changed: EditableField[];
}

export interface ProductRepository {
  /** Stores a new product with its events in one transaction; throws ProductAlreadyExistsError. */
  create(product: CatalogueProduct, events: DomainEvent[]): Promise<void>;
  findById(productId: string, options?: { consistent?: boolean }): Promise<CatalogueProduct | undefined>;
  /** Products with these ids (distinct, at most 100), archived ones included; unknown ids are left out. */
  findMany(productIds: string[]): Promise<CatalogueProduct[]>;
  /** One page of active products; throws a 400 `invalid-cursor` for a cursor not issued for this plan's scope. */
  list(plan: ListingPlan, cursor: string | undefined): Promise<ProductPage>;
  /** Applies an edit with its events in one transaction; throws ProductChangedConcurrentlyError when `previous` is stale. */
  edit(edit: ProductEdit, events: DomainEvent[]): Promise<void>;
  /** Archives with the events in one transaction; resolves false (writing nothing) when it already was archived. */
  archive(product: CatalogueProduct, events: DomainEvent[]): Promise<boolean>;
  /** Records inventory's figures unless ones of this version or newer are already stored; resolves whether they applied. */
  recordStock(productId: string, stock: StockLevel & { version: number }): Promise<boolean>;
}
