import { maxMinorUnits } from '@shoplane/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvertedPriceRangeError } from './errors.js';
import { listingPlan } from './listing.js';

describe('listing plan', () => {
  it('lists everything newest first without filters, 20 to a page', () => {
    expect(listingPlan({})).toEqual({ order: { kind: 'newest' }, limit: 20, scope: 'products:newest:::' });
  });

  it('lists a category cheapest first, over every price unless bounded', () => {
    expect(listingPlan({ category: 'kitchen', limit: 7 }).order).toEqual({ kind: 'category', category: 'kitchen', price: { min: 0, max: maxMinorUnits } });
  });

  it('lists a price range across categories cheapest first', () => {
    expect(listingPlan({ minPrice: 100 }).order).toEqual({ kind: 'price', price: { min: 100, max: maxMinorUnits } });
  });

  it('refuses a minimum price above the maximum', () => {
    expect(() => listingPlan({ minPrice: 2, maxPrice: 1 })).toThrow(InvertedPriceRangeError);
  });

  it('gives different filters different cursor scopes, and the page size none', () => {
    const filters = fc.record(
      { category: fc.constantFrom('kitchen', 'audio'), minPrice: fc.nat(1000), maxPrice: fc.integer({ min: 1000, max: 2000 }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filters, filters, fc.integer({ min: 1, max: 100 }), (a, b, limit) => {
        const same = a.category === b.category && a.minPrice === b.minPrice && a.maxPrice === b.maxPrice;
        expect(listingPlan(a).scope === listingPlan(b).scope).toBe(same);
        expect(listingPlan({ ...a, limit }).scope).toBe(listingPlan(a).scope);
      }),
    );
  });
});
