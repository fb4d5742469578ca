import { cartLimits, ProductNotFoundError } from '@shoplane/contracts';
import { testProduct } from '@shoplane/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunked, maxQuantityBeforeAdding, refusalOfLineChange, refusalOfNewLine, requireSellable } from './cart-rules.js';
import { CartFullError, CurrencyMismatchError, LineQuantityLimitError, ProductUnavailableError } from './errors.js';

const change = { productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', quantity: 5, currency: 'USD' as const };

describe('requireSellable', () => {
  it('returns the product when it is active', () => {
    const product = testProduct();

    expect(requireSellable(product.productId, [product])).toBe(product);
  });

  it('refuses an id the catalogue does not know with product-not-found (404)', () => {
    expect(() => requireSellable(change.productId, [])).toThrow(ProductNotFoundError);
  });

  it('refuses an archived product with product-unavailable (422)', () => {
    const archived = testProduct({ status: 'archived' });

    expect(() => requireSellable(archived.productId, [archived])).toThrow(ProductUnavailableError);
  });
});

describe('line limits', () => {
  it('lets an added quantity in exactly when the resulting line holds at most 99', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: cartLimits.maxQuantity }), fc.integer({ min: 1, max: cartLimits.maxQuantity }), (held, adding) => {
        expect(held <= maxQuantityBeforeAdding(adding)).toBe(held + adding <= cartLimits.maxQuantity);
      }),
    );
  });

  it('explains a refused change to an existing line by the quantity limit when the currency matches', () => {
    expect(refusalOfLineChange({ quantity: 97, currency: 'USD' }, change)).toBeInstanceOf(LineQuantityLimitError);
  });

  it('explains a refused change to an existing line by the currency when the product is now sold in another', () => {
    expect(refusalOfLineChange({ quantity: 1, currency: 'EUR' }, change)).toBeInstanceOf(CurrencyMismatchError);
  });
});

describe('refusalOfNewLine', () => {
  it('names a full cart when the header counts 50 lines in the same currency', () => {
    expect(refusalOfNewLine({ lineCount: cartLimits.maxLines, currency: 'USD' }, change)).toBeInstanceOf(CartFullError);
  });

  it('names the currency when the cart\'s lines are in another currency', () => {
    expect(refusalOfNewLine({ lineCount: 3, currency: 'EUR' }, change)).toBeInstanceOf(CurrencyMismatchError);
  });

  it.each([
    ['no header', undefined],
    ['an emptied cart', { lineCount: 0, currency: 'EUR' as const }],
    ['room and the same currency', { lineCount: 10, currency: 'USD' as const }],
  ])('finds no refusal (the caller tries again) for %s', (_case, header) => {
    expect(refusalOfNewLine(header, change)).toBeUndefined();
  });
});

describe('chunked', () => {
  it('splits into consecutive chunks of at most the size, losing nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 30 }), (items, size) => {
        const chunks = chunked(items, size);
        expect(chunks.flat()).toEqual(items);
        expect(chunks.every((chunk) => chunk.length >= 1 && chunk.length <= size)).toBe(true);
      }),
    );
  });
});
