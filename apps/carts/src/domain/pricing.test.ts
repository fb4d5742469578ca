import { cartLimits, currencyCodes, maxMinorUnits, type Product } from '@shoplane/contracts';
import { testProduct } from '@shoplane/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shopDefaultCurrency, type StoredCartLine } from './cart.js';
import { priceCart, priceLine, unknownProductName } from './pricing.js';

const at = '2026-11-25T10:00:00.000Z';
const line = (productId: string, quantity: number, overrides: Partial<StoredCartLine> = {}): StoredCartLine => ({
  productId,
  quantity,
  currency: 'USD',
  addedAt: at,
  updatedAt: at,
  ...overrides,
});
const catalogueOf = (...products: Product[]) => new Map(products.map((product) => [product.productId, product]));

describe('priceCart', () => {
  it('prices an empty cart at zero in the shop\'s default currency', () => {
    expect(priceCart([], new Map())).toEqual({ items: [], subtotal: { amount: 0, currency: 'USD' }, currency: shopDefaultCurrency });
  });

  it('multiplies each line\'s catalogue price by its quantity and sums the lines', () => {
    const mug = testProduct({ price: { amount: 1299, currency: 'USD' } });
    const kettle = testProduct({ name: 'Kettle', price: { amount: 2599, currency: 'USD' } });

    const cart = priceCart([line(mug.productId, 3), line(kettle.productId, 1)], catalogueOf(mug, kettle));

    expect(cart.items.map((item) => item.lineTotal.amount)).toEqual([3897, 2599]);
    expect(cart.subtotal).toEqual({ amount: 6496, currency: 'USD' });
  });

  it('keeps an archived product\'s line, flagged unavailable and left out of the subtotal', () => {
    const archived = testProduct({ status: 'archived', name: 'Old lamp', price: { amount: 500, currency: 'USD' } });
    const mug = testProduct({ price: { amount: 100, currency: 'USD' } });

    const cart = priceCart([line(archived.productId, 2), line(mug.productId, 1)], catalogueOf(archived, mug));

    expect(cart.items[0]).toEqual({
      productId: archived.productId,
      name: 'Old lamp',
      quantity: 2,
      price: { amount: 500, currency: 'USD' },
      lineTotal: { amount: 1000, currency: 'USD' },
      available: false,
    });
    expect(cart.subtotal.amount).toBe(100);
  });

  it('keeps a line whose product the catalogue no longer knows, named as unavailable at zero in the cart\'s currency', () => {
    const cart = priceCart([line('prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', 4, { currency: 'EUR' })], new Map());

    expect(cart.items).toEqual([
      {
        productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
        name: unknownProductName,
        quantity: 4,
        price: { amount: 0, currency: 'EUR' },
        lineTotal: { amount: 0, currency: 'EUR' },
        available: false,
      },
    ]);
    expect(cart.subtotal).toEqual({ amount: 0, currency: 'EUR' });
  });

  it('flags a line unavailable when the product has fewer units in stock than the line holds', () => {
    const scarce = testProduct({ availableStock: 2 });

    expect(priceLine(line(scarce.productId, 3), scarce, 'USD').available).toBe(false);
    expect(priceLine(line(scarce.productId, 2), scarce, 'USD').available).toBe(true);
  });

  it('flags a line unavailable when its product is now priced in another currency than the cart', () => {
    const repriced = testProduct({ price: { amount: 900, currency: 'EUR' } });

    const cart = priceCart([line(repriced.productId, 1)], catalogueOf(repriced));

    expect(cart.items[0]?.available).toBe(false);
    expect(cart.subtotal).toEqual({ amount: 0, currency: 'USD' });
  });

  it('lists lines in the order they were added', () => {
    const first = testProduct();
    const second = testProduct();

    const cart = priceCart(
      [line(second.productId, 1, { addedAt: '2026-11-25T10:05:00.000Z' }), line(first.productId, 1, { addedAt: '2026-11-25T10:01:00.000Z' })],
      catalogueOf(first, second),
    );

    expect(cart.items.map((item) => item.productId)).toEqual([first.productId, second.productId]);
  });
});

describe('priceCart properties', () => {
  const currency = fc.constantFrom(...currencyCodes);
  const cartCase = currency.chain((cartCurrency) =>
    fc
      .array(
        fc.record({
          quantity: fc.integer({ min: 1, max: cartLimits.maxQuantity }),
          amount: fc.integer({ min: 0, max: maxMinorUnits }),
          productCurrency: fc.oneof(fc.constant(cartCurrency), currency),
          status: fc.constantFrom('active' as const, 'archived' as const),
          availableStock: fc.integer({ min: 0, max: 200 }),
          known: fc.boolean(),
        }),
        { maxLength: cartLimits.maxLines },
      )
      .map((specs) => {
        const products = specs.map((spec) =>
          testProduct({ price: { amount: spec.amount, currency: spec.productCurrency }, status: spec.status, availableStock: spec.availableStock }),
        );
        const lines = specs.map((spec, index) => line(products[index]?.productId ?? '', spec.quantity, { currency: cartCurrency }));
        const catalogue = catalogueOf(...products.filter((_product, index) => specs[index]?.known));
        return { cartCurrency, lines, catalogue };
      }),
  );

  it('makes the subtotal exactly the sum of the available lines\' totals', () => {
    fc.assert(
      fc.property(cartCase, ({ lines, catalogue }) => {
        const cart = priceCart(lines, catalogue);
        let expected = 0n;
        for (const item of cart.items) if (item.available) expected += BigInt(item.lineTotal.amount);
        expect(BigInt(cart.subtotal.amount)).toBe(expected);
        expect(Number.isSafeInteger(cart.subtotal.amount)).toBe(true);
      }),
    );
  });

  it('never prices anything below zero', () => {
    fc.assert(
      fc.property(cartCase, ({ lines, catalogue }) => {
        const cart = priceCart(lines, catalogue);
        expect(cart.subtotal.amount).toBeGreaterThanOrEqual(0);
        for (const item of cart.items) {
          expect(item.price.amount).toBeGreaterThanOrEqual(0);
          expect(item.lineTotal.amount).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('keeps the subtotal and every available line in the cart\'s one currency (the shop\'s when empty)', () => {
    fc.assert(
      fc.property(cartCase, ({ cartCurrency, lines, catalogue }) => {
        const cart = priceCart(lines, catalogue);
        const expected = lines.length === 0 ? shopDefaultCurrency : cartCurrency;
        expect(cart.currency).toBe(expected);
        expect(cart.subtotal.currency).toBe(expected);
        for (const item of cart.items.filter((candidate) => candidate.available)) {
          expect(item.price.currency).toBe(cartCurrency);
          expect(item.lineTotal.currency).toBe(cartCurrency);
        }
      }),
    );
  });

  it('returns every stored line, none dropped, each with its quantity', () => {
    fc.assert(
      fc.property(cartCase, ({ lines, catalogue }) => {
        const cart = priceCart(lines, catalogue);
        expect(cart.items.map((item) => `${item.productId}×${item.quantity}`).sort()).toEqual(lines.map((stored) => `${stored.productId}×${stored.quantity}`).sort());
      }),
    );
  });
});
