import { archiveProduct, getProduct, listProducts, type ProductPage } from '@shoplane/contracts';
import { apiEvent, invoke } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { productsByIds } from '../domain/catalogue.js';
import { createdProduct, productsTestbed, type ProductsTestbed } from '../test-support.js';

let bed: ProductsTestbed;

beforeAll(async () => {
  bed = await productsTestbed();
});

const archive = (productId: string) =>
  invoke(bed.handlers.archive, apiEvent(archiveProduct, { pathParameters: { productId }, token: bed.tokens.admin }));

const listedIds = async (query: Record<string, string>) =>
  ((await invoke(bed.handlers.list, apiEvent(listProducts, { query: { ...query, limit: '100' } }))).body as ProductPage).items.map((p) => p.productId);

const archivedEventsOf = async (productId: string) =>
  (await bed.outboxEvents()).filter((event) => event.eventType === 'ProductArchived' && event.data.productId === productId);

describe('DELETE /products/{productId}', () => {
  it('archives the product and answers 204 with no body', async () => {
    const productId = await createdProduct(bed);

    const response = await archive(productId);

    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expect((await bed.products.findById(productId))?.status).toBe('archived');
  });

  it('takes the product out of every listing and out of GET', async () => {
    const productId = await createdProduct(bed, { category: 'garden', price: { amount: 777, currency: 'USD' } });
    expect(await listedIds({ category: 'garden' })).toContain(productId);

    await archive(productId);

    expect(await listedIds({})).not.toContain(productId);
    expect(await listedIds({ category: 'garden' })).not.toContain(productId);
    expect(await listedIds({ minPrice: '777', maxPrice: '777' })).not.toContain(productId);
    expect((await invoke(bed.handlers.get, apiEvent(getProduct, { pathParameters: { productId } }))).status).toBe(404);
  });

  it('still lets carts and orders read the archived product, marked archived', async () => {
    const productId = await createdProduct(bed, { name: 'Discontinued Mug' });
    await archive(productId);

    const answer = await productsByIds(bed.deps(), [productId]);

    expect(answer).toEqual({ products: [expect.objectContaining({ productId, name: 'Discontinued Mug', status: 'archived' })], missing: [] });
  });

  it('writes ProductArchived to the outbox', async () => {
    const productId = await createdProduct(bed);

    await archive(productId);

    expect(await archivedEventsOf(productId)).toEqual([
      expect.objectContaining({ eventType: 'ProductArchived', source: 'shoplane.products', data: { productId } }),
    ]);
  });

  it('answers 204 again for an archived product, publishing nothing more', async () => {
    const productId = await createdProduct(bed);
    await archive(productId);

    const again = await archive(productId);

    expect(again.status).toBe(204);
    expect(await archivedEventsOf(productId)).toHaveLength(1);
  });

  it('publishes one ProductArchived when archives race', async () => {
    const productId = await createdProduct(bed);

    const responses = await Promise.all(Array.from({ length: 5 }, () => archive(productId)));

    expect(responses.map((response) => response.status)).toEqual([204, 204, 204, 204, 204]);
    expect(await archivedEventsOf(productId)).toHaveLength(1);
  });

  it('answers 404 for an unknown product', async () => {
    const response = await archive('prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V');

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ type: expect.stringContaining('product-not-found') });
  });
});
