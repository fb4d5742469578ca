import { newId } from '@shoplane/lambda-kit';
import { fakeProductsOperation, testProduct } from '@shoplane/testing';
import { describe, expect, it } from 'vitest';
import { productCatalogue } from './product-catalogue.js';

describe('product catalogue', () => {
  it('asks products once for up to 100 ids', async () => {
    const products = fakeProductsOperation();
    const known = Array.from({ length: 100 }, () => testProduct());
    products.add(...known);

    const found = await productCatalogue(products).productsByIds(known.map((product) => product.productId));

    expect(products.calls).toHaveLength(1);
    expect(found).toHaveLength(100);
  });

  it('splits 150 ids into calls of 100 and 50, the most getProductsByIds accepts', async () => {
    const products = fakeProductsOperation();
    const ids = Array.from({ length: 150 }, () => newId('prd'));

    await productCatalogue(products).productsByIds(ids);

    expect(products.calls.map((call) => call.length)).toEqual([100, 50]);
  });

  it('asks for a repeated id once', async () => {
    const products = fakeProductsOperation();
    const mug = testProduct();
    products.add(mug);

    const found = await productCatalogue(products).productsByIds([mug.productId, mug.productId]);

    expect(products.calls).toEqual([[mug.productId]]);
    expect(found).toEqual([mug]);
  });

  it('leaves out ids the catalogue does not know', async () => {
    const products = fakeProductsOperation();

    expect(await productCatalogue(products).productsByIds([newId('prd')])).toEqual([]);
  });
});
