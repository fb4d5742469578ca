import type { Product } from '@shoplane/contracts';
import type { LineChange, StoredCart } from './cart.js';

export interface CartRepository {
  /** The whole cart in one consistent Query (a cart's lines share one partition). */
  load(userId: string): Promise<StoredCart>;
  /**
   * Adds `quantity` units to the product's line, creating it. Atomic against concurrent
   * changes; throws LineQuantityLimitError, CartFullError, CurrencyMismatchError, BusyError.
   */
  addToLine(userId: string, change: LineChange, now: Date): Promise<void>;
  /** Sets the line's quantity (at least 1), creating it; throws as `addToLine`. */
  setLine(userId: string, change: LineChange, now: Date): Promise<void>;
  /** Deletes the line; false when the product was not in the cart. */
  removeLine(userId: string, productId: string): Promise<boolean>;
  /** Deletes every line; an empty cart stays empty. */
  clear(userId: string): Promise<void>;
}

export interface ProductCatalogue {
  /** The products among these ids, archived ones included; unknown ids are left out. Never called with no ids. */
  productsByIds(productIds: string[]): Promise<Product[]>;
}
