import { maxMinorUnits, type ListProductsQuery } from '@shoplane/contracts';
import { InvertedPriceRangeError } from './errors.js';

export const defaultPageSize = 20;

/** Inclusive bounds in minor units; an absent bound is the widest the shop allows. */
export interface PriceRange {
  min: number;
  max: number;
}

/**
 * Which ordering a listing uses. Without filters: newest first. With a category
 * or a price filter: cheapest first, so a price range is one contiguous slice.
 */
export type ListingOrder =
  | { kind: 'newest' }
  | { kind: 'category'; category: string; price: PriceRange }
  | { kind: 'price'; price: PriceRange };

export interface ListingPlan {
  order: ListingOrder;
  limit: number;
  /**
   * Identifies the filters a cursor was issued for. A cursor only continues the
   * listing it came from: a cursor with another scope is refused. The page size
   * is not part of it, so a client may change `limit` between pages.
   */
  scope: string;
}

export function listingPlan(query: ListProductsQuery): ListingPlan {
  const { category, minPrice, maxPrice } = query;
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) throw new InvertedPriceRangeError();
  const price = { min: minPrice ?? 0, max: maxPrice ?? maxMinorUnits };
  const priceFiltered = minPrice !== undefined || maxPrice !== undefined;
  const order: ListingOrder =
    category !== undefined ? { kind: 'category', category, price } : priceFiltered ? { kind: 'price', price } : { kind: 'newest' };
  const scope = ['products', order.kind, category ?? '', minPrice ?? '', maxPrice ?? ''].join(':');
  return { order, limit: query.limit ?? defaultPageSize, scope };
}
