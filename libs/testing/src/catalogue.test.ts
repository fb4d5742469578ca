import { describe, expect, it } from 'vitest';
import { fakeProductsOperation, testProduct } from './catalogue.js';

describe('the fake getProductsByIds', () => {
  it('answers the products it holds, names the ids it does not, and counts each call', async () => {
    // Arrange
    const products = fakeProductsOperation();
    const mug = testProduct();
    const unknown = testProduct().productId;
    products.add(mug);

    // Act
    const answer = await products.call({ productIds: [mug.productId, unknown] });

    // Assess
    expect(answer).toEqual({ products: [mug], missing: [unknown] });
    expect(products.calls).toEqual([[mug.productId, unknown]]);
  });

  it('refuses input the contract refuses, as the real operation would', async () => {
    await expect(fakeProductsOperation().call({ productIds: ['not-a-product-id'] })).rejects.toThrow();
  });
});

describe('testProduct', () => {
  it('gives every product a fresh id and takes overrides', () => {
    const [first, second] = [testProduct(), testProduct({ price: { amount: 500, currency: 'EUR' } })];

    expect(first.productId).not.toBe(second.productId);
    expect(second.price).toEqual({ amount: 500, currency: 'EUR' });
    expect(first).toMatchObject({ status: 'active', inStock: true });
  });
});
