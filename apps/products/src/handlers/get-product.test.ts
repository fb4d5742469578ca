import { archiveProduct, getProduct } from '@shoplane/contracts';
import { apiEvent, invoke } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createdProduct, productsTestbed, type ProductsTestbed } from '../test-support.js';

let bed: ProductsTestbed;

beforeAll(async () => {
  bed = await productsTestbed();
});

const get = (productId: string) => invoke(bed.handlers.get, apiEvent(getProduct, { pathParameters: { productId } }));

describe('GET /products/{productId}', () => {
  it('answers the product with its stock, and nothing of how it is stored', async () => {
    const productId = await createdProduct(bed, { stock: 4, imageUrl: 'https://cdn.example.com/k.jpg' });

    const response = await get(productId);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      productId,
      name: 'Enamel Kettle',
      description: 'A 1.7 l stovetop kettle.',
      category: 'kitchen',
      price: { amount: 3499, currency: 'USD' },
      imageUrl: 'https://cdn.example.com/k.jpg',
      status: 'active',
      availableStock: 4,
      inStock: true,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('answers 404 problem+json for an id no product has', async () => {
    const response = await get('prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V');

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body).toMatchObject({ type: expect.stringContaining('product-not-found') });
  });

  it('answers 404 for a malformed id', async () => {
    expect((await get('../etc/passwd')).status).toBe(404);
  });

  it('answers 404 for an archived product', async () => {
    const productId = await createdProduct(bed);
    await invoke(bed.handlers.archive, apiEvent(archiveProduct, { pathParameters: { productId }, token: bed.tokens.admin }));

    const response = await get(productId);

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ type: expect.stringContaining('product-not-found') });
  });
});
