import { maxMinorUnits } from '@shoplane/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listingKeys, priceKey, priceSortRange } from './table-layout.js';

const price = fc.integer({ min: 0, max: maxMinorUnits });
const productId = fc.stringMatching(/^prd_[0-9A-HJKMNP-TV-Z]{26}$/);

describe('price sort keys', () => {
  it('pad every price to the width of the largest one the contract accepts', () => {
    expect(priceKey(1299)).toBe('1299'.padStart(String(maxMinorUnits).length, '0'));
    expect(priceKey(maxMinorUnits)).toBe(String(maxMinorUnits));
  });

  it('sort as strings in the order of the prices', () => {
    fc.assert(
      fc.property(price, price, (a, b) => {
        expect(priceKey(a) < priceKey(b)).toBe(a < b);
      }),
    );
  });

  it('fall inside a range exactly when the price does', () => {
    fc.assert(
      fc.property(price, price, price, productId, (amount, x, y, id) => {
        const [min, max] = x <= y ? [x, y] : [y, x];
        const { lower, upper } = priceSortRange(min, max);
        const key = `${priceKey(amount)}#${id}`;
        expect(key >= lower && key <= upper).toBe(amount >= min && amount <= max);
      }),
    );
  });
});

describe('listing keys', () => {
  it('place a product in its category, the newest listing and the price listing', () => {
    const keys = listingKeys({ productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', category: 'kitchen', price: { amount: 1299, currency: 'USD' }, createdAt: '2026-11-25T10:00:00.000Z' });

    expect(keys).toEqual({
      GSI1PK: 'CATEGORY#kitchen',
      GSI1SK: `${priceKey(1299)}#prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V`,
      GSI2PK: 'PRODUCT',
      GSI2SK: '2026-11-25T10:00:00.000Z#prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
      GSI3PK: 'PRODUCT',
      GSI3SK: `${priceKey(1299)}#prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V`,
    });
  });
});
