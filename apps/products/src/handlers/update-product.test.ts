import { getProduct, listProducts, updateProduct, type Product, type ProductPage } from '@shoplane/contracts';
import { apiEvent, invoke, subscriptionBatch } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveProduct } from '../domain/catalogue.js';
import { createdProduct, inventoryUpdated, productsTestbed, type ProductsTestbed } from '../test-support.js';

let bed: ProductsTestbed;

beforeAll(async () => {
  bed = await productsTestbed();
});

const patch = (productId: string, body: unknown, headers: Record<string, string> = {}) =>
  invoke(bed.handlers.update, apiEvent(updateProduct, { pathParameters: { productId }, body, token: bed.tokens.admin, headers }));

const listedIds = async (query: Record<string, string>) =>
  ((await invoke(bed.handlers.list, apiEvent(listProducts, { query: { ...query, limit: '100' } }))).body as ProductPage).items.map((p) => p.productId);

const updatesOf = async (productId: string) =>
  (await bed.outboxEvents()).filter((event) => event.eventType === 'ProductUpdated' && event.data.productId === productId);

describe('PATCH /products/{productId}', () => {
  it('answers the changed product', async () => {
    const productId = await createdProduct(bed);

    const response = await patch(productId, { name: 'Copper Kettle', description: 'Now in copper.', price: { amount: 4999, currency: 'USD' } });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ productId, name: 'Copper Kettle', description: 'Now in copper.', price: { amount: 4999, currency: 'USD' }, status: 'active' });
    expect((await invoke(bed.handlers.get, apiEvent(getProduct, { pathParameters: { productId } }))).body).toEqual(response.body);
  });

  it('writes ProductUpdated naming the changed fields, with the product as it now is', async () => {
    const productId = await createdProduct(bed, { category: 'kitchen' });

    await patch(productId, { category: 'outdoor-gear', name: 'Enamel Kettle' }, { 'x-correlation-id': 'corr-patch-1' });

    expect(await updatesOf(productId)).toEqual([
      expect.objectContaining({
        eventType: 'ProductUpdated',
        source: 'shoplane.products',
        correlationId: 'corr-patch-1',
        data: { productId, name: 'Enamel Kettle', category: 'outdoor-gear', price: { amount: 3499, currency: 'USD' }, status: 'active', changed: ['category'] },
      }),
    ]);
  });

  it('changes nothing and publishes nothing when every field already has the sent value', async () => {
    const productId = await createdProduct(bed);
    const before = await bed.products.findById(productId);

    const response = await patch(productId, { name: 'Enamel Kettle', price: { amount: 3499, currency: 'USD' } });

    expect(response.status).toBe(200);
    expect(await bed.products.findById(productId)).toEqual(before);
    expect(await updatesOf(productId)).toEqual([]);
  });

  it('moves the product to its new category listing', async () => {
    const productId = await createdProduct(bed, { category: 'books' });

    await patch(productId, { category: 'audio' });

    expect(await listedIds({ category: 'books' })).not.toContain(productId);
    expect(await listedIds({ category: 'audio' })).toContain(productId);
  });

  it('moves the product to its new price position in the price listings', async () => {
    const productId = await createdProduct(bed, { category: 'toys', price: { amount: 500, currency: 'USD' } });
    const neighbour = await createdProduct(bed, { category: 'toys', price: { amount: 1000, currency: 'USD' } });

    await patch(productId, { price: { amount: 1500, currency: 'USD' } });

    expect(await listedIds({ category: 'toys' })).toEqual([neighbour, productId]);
    expect(await listedIds({ minPrice: '1400', maxPrice: '1600' })).toContain(productId);
    expect(await listedIds({ maxPrice: '600' })).not.toContain(productId);
  });

  it('removes the image when imageUrl is null', async () => {
    const productId = await createdProduct(bed, { imageUrl: 'https://cdn.example.com/old.jpg' });

    const response = await patch(productId, { imageUrl: null });

    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('imageUrl');
    expect((await updatesOf(productId))[0]?.data).toMatchObject({ changed: ['imageUrl'] });
  });

  it('keeps stock figures that inventory reported meanwhile', async () => {
    const productId = await createdProduct(bed, { stock: 10 });
    await bed.handlers.onInventoryUpdated(subscriptionBatch(inventoryUpdated(productId, 3, 5)));

    const response = await patch(productId, { name: 'Renamed Kettle' });

    expect(response.body).toMatchObject({ name: 'Renamed Kettle', availableStock: 3, inStock: true });
  });

  it('applies every one of concurrent edits to different fields', async () => {
    const productId = await createdProduct(bed);

    const responses = await Promise.all([
      patch(productId, { name: 'Concurrent Name' }),
      patch(productId, { description: 'Concurrent description' }),
      patch(productId, { price: { amount: 100, currency: 'USD' } }),
    ]);

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(await bed.products.findById(productId)).toMatchObject({ name: 'Concurrent Name', description: 'Concurrent description', price: { amount: 100 } });
    expect(await updatesOf(productId)).toHaveLength(3);
  });

  it('answers 404 for an archived product and changes nothing', async () => {
    const productId = await createdProduct(bed);
    await archiveProduct(bed.deps(), productId, 'test');

    const response = await patch(productId, { name: 'Revived' });

    expect(response.status).toBe(404);
    expect((await bed.products.findById(productId))?.name).toBe('Enamel Kettle');
  });

  it('refuses a typo in an optional field as 422 "is not a known field", changing nothing and publishing nothing', async () => {
    const productId = await createdProduct(bed);
    const before = await bed.products.findById(productId);

    const response = await patch(productId, { name: 'Copper Kettle', descripton: 'Now in copper.' });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'descripton', message: 'is not a known field' }] });
    expect(await bed.products.findById(productId)).toEqual(before);
    expect(await updatesOf(productId)).toEqual([]);
  });

  it('answers 404 for an unknown product', async () => {
    expect((await patch('prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', { name: 'Ghost' })).status).toBe(404);
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a name over 200 characters', { name: 'n'.repeat(201) }, 'name'],
    ['a description over 5000 characters', { description: 'd'.repeat(5001) }, 'description'],
    ['a category that is not a slug', { category: 'Home & Garden' }, 'category'],
    ['a decimal price', { price: { amount: 10.5, currency: 'USD' } }, 'price.amount'],
    ['a negative price', { price: { amount: -5, currency: 'USD' } }, 'price.amount'],
    ['an unknown currency', { price: { amount: 100, currency: 'ABC' } }, 'price.currency'],
    ['an image URL that is not https', { imageUrl: 'ftp://cdn.example.com/a.jpg' }, 'imageUrl'],
    ['no field at all', {}, '(body)'],
    ['a misspelt optional field', { nmae: 'Copper Kettle' }, 'nmae'],
    ['a misspelt field beside a good one', { name: 'Copper Kettle', imageURL: 'https://cdn.example.com/a.jpg' }, 'imageURL'],
  ])('answers 422 at the field for %s', async (_case, body, path) => {
    const productId = await createdProduct(bed);

    const response = await patch(productId, body);

    expect(response.status).toBe(422);
    expect((response.body as { errors: { path: string }[] }).errors.map((error) => error.path)).toContain(path);
    expect(((await bed.products.findById(productId)) as Product).updatedAt).toBe((await bed.products.findById(productId))?.createdAt);
  });
});
