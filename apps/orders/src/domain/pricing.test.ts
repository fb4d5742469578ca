import { cartLimits, maxMinorUnits, type Product } from '@shoplane/contracts';
import { testProduct } from '@shoplane/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmptyOrderError, InsufficientStockError, MixedCurrenciesError, ProductsUnavailableError } from './errors.js';
import { priceOrder } from './pricing.js';

const catalogueOf = (...products: Product[]) => new Map(products.map((product) => [product.productId, product]));

describe('priceOrder', () => {
  it('snapshots each line at the catalogue\'s name and price and sums exact totals', () => {
    const mug = testProduct({ name: 'Mug', price: { amount: 1299, currency: 'USD' } });
    const kettle = testProduct({ name: 'Kettle', price: { amount: 3450, currency: 'USD' } });

    const priced = priceOrder([{ productId: mug.productId, quantity: 3 }, { productId: kettle.productId, quantity: 1 }], catalogueOf(mug, kettle), 'items');

    expect(priced).toEqual({
      lines: [
        { productId: mug.productId, name: 'Mug', unitPrice: { amount: 1299, currency: 'USD' }, quantity: 3, lineTotal: { amount: 3897, currency: 'USD' } },
        { productId: kettle.productId, name: 'Kettle', unitPrice: { amount: 3450, currency: 'USD' }, quantity: 1, lineTotal: { amount: 3450, currency: 'USD' } },
      ],
      total: { amount: 7347, currency: 'USD' },
    });
  });

  it('keeps totals exact integers up to 50 lines of 99 units at the highest price', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: 0, max: maxMinorUnits }), quantity: fc.integer({ min: 1, max: cartLimits.maxQuantity }) }), { minLength: 1, maxLength: cartLimits.maxLines }),
        (lines) => {
          const products = lines.map(({ amount }) => testProduct({ price: { amount, currency: 'JPY' }, availableStock: cartLimits.maxQuantity }));
          const priced = priceOrder(lines.map(({ quantity }, index) => ({ productId: products[index]?.productId ?? '', quantity })), catalogueOf(...products), 'items');
          const expected = lines.reduce((sum, { amount, quantity }) => sum + BigInt(amount) * BigInt(quantity), 0n);
          expect(Number.isSafeInteger(priced.total.amount)).toBe(true);
          expect(BigInt(priced.total.amount)).toBe(expected);
        },
      ),
    );
  });

  it('refuses nothing to order', () => {
    expect(() => priceOrder([], new Map(), 'cart.items')).toThrow(EmptyOrderError);
  });

  it('names every unknown or archived line, where the customer sent it', () => {
    const archived = testProduct({ status: 'archived' });
    const unknown = testProduct();

    const refuse = () => priceOrder([{ productId: unknown.productId, quantity: 1 }, { productId: archived.productId, quantity: 1 }], catalogueOf(archived), 'cart.items');

    expect(refuse).toThrow(ProductsUnavailableError);
    expect(refuse).toThrow(expect.objectContaining({
      violations: [
        { path: 'cart.items.0.productId', message: 'names no product' },
        { path: 'cart.items.1.productId', message: 'is no longer sold' },
      ],
      data: { productIds: [unknown.productId, archived.productId] },
    }));
  });

  it('refuses lines in more than one currency', () => {
    const dollars = testProduct({ price: { amount: 100, currency: 'USD' } });
    const rupees = testProduct({ price: { amount: 100, currency: 'INR' } });

    expect(() => priceOrder([{ productId: dollars.productId, quantity: 1 }, { productId: rupees.productId, quantity: 1 }], catalogueOf(dollars, rupees), 'items')).toThrow(
      expect.objectContaining({ code: 'mixed-currencies', data: { currencies: ['USD', 'INR'] } }),
    );
  });

  it('orders exactly what is available, and refuses one unit more, naming the short lines', () => {
    const product = testProduct({ availableStock: 4 });

    expect(priceOrder([{ productId: product.productId, quantity: 4 }], catalogueOf(product), 'items').total.amount).toBe(4 * 1299);
    expect(() => priceOrder([{ productId: product.productId, quantity: 5 }], catalogueOf(product), 'items')).toThrow(
      expect.objectContaining({ violations: [{ path: 'items.0.quantity', message: 'only 4 available' }], data: { short: [{ productId: product.productId, requested: 5, available: 4 }] } }),
    );
  });

  it('judges availability only once every product is sellable and in one currency', () => {
    const archived = testProduct({ status: 'archived', availableStock: 0 });
    const euros = testProduct({ price: { amount: 1, currency: 'EUR' }, availableStock: 0 });
    const dollars = testProduct({ availableStock: 0 });

    expect(() => priceOrder([{ productId: archived.productId, quantity: 1 }], catalogueOf(archived), 'items')).toThrow(ProductsUnavailableError);
    expect(() => priceOrder([{ productId: dollars.productId, quantity: 1 }, { productId: euros.productId, quantity: 1 }], catalogueOf(dollars, euros), 'items')).toThrow(MixedCurrenciesError);
    expect(() => priceOrder([{ productId: dollars.productId, quantity: 1 }], catalogueOf(dollars), 'items')).toThrow(InsufficientStockError);
  });
});
