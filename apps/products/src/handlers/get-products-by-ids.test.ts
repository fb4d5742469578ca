import { getProductsByIds } from '@shoplane/contracts';
import { internalClient, type DocumentClient } from '@shoplane/lambda-kit';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoProductRepository } from '../adapters/product-repository.js';
import { archiveProduct } from '../domain/catalogue.js';
import { createdProduct, productsTestbed, recordingClient, throttlingBatchGets, type ProductsTestbed } from '../test-support.js';
import { getProductsByIdsHandler } from './get-products-by-ids.js';

const unknownId = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V';

let bed: ProductsTestbed;

beforeAll(async () => {
  bed = await productsTestbed();
});

/** Creates products a batch at a time; DynamoDB Local answers a hundred concurrent transactions slowly. */
async function createMany(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 20) {
    const batch = Array.from({ length: Math.min(20, count - start) }, (_, offset) => createdProduct(bed, { name: `Bulk ${start + offset}` }));
    ids.push(...(await Promise.all(batch)));
  }
  return ids;
}

/** The internal handler over the same table, its repository reading through `wrapped`. */
function byIdsThrough(wrapped: DocumentClient) {
  const products = dynamoProductRepository(wrapped, bed.table.name, { batchGet: { pause: async () => undefined } });
  return getProductsByIdsHandler(() => ({ products }));
}

describe('getProductsByIds (internal operation)', () => {
  it('answers the found products in request order and the missing ids', async () => {
    const [first, second] = await createMany(2);

    const answer = await bed.handlers.byIds({ productIds: [second, unknownId, first] });

    expect(answer).toEqual({
      ok: true,
      result: { products: [expect.objectContaining({ productId: second }), expect.objectContaining({ productId: first })], missing: [unknownId] },
    });
  });

  it('answers each id once however often it was asked for', async () => {
    const [productId = ''] = await createMany(1);

    const answer = await bed.handlers.byIds({ productIds: [productId, productId, unknownId, unknownId] });

    expect(answer).toMatchObject({ ok: true, result: { products: [{ productId }], missing: [unknownId] } });
  });

  it('includes archived products with their status', async () => {
    const [productId = ''] = await createMany(1);
    await archiveProduct(bed.deps(), productId, 'test');

    const answer = await bed.handlers.byIds({ productIds: [productId] });

    expect(answer).toMatchObject({ ok: true, result: { products: [{ productId, status: 'archived' }], missing: [] } });
  });

  it('reads 100 products with exactly one BatchGet', async () => {
    const ids = await createMany(100);
    const { client, commands } = recordingClient(bed.table.documents);

    const answer = await byIdsThrough(client)({ productIds: ids });

    expect(commands).toEqual(['BatchGetCommand']);
    expect(answer).toMatchObject({ ok: true, result: { missing: [] } });
    expect(answer.ok && (answer.result as { products: unknown[] }).products).toHaveLength(100);
  });

  it('asks again for the keys DynamoDB left unprocessed', async () => {
    const ids = await createMany(80);
    const { client, commands } = throttlingBatchGets(bed.table.documents, 30);

    const answer = await byIdsThrough(client)({ productIds: ids });

    expect(commands).toEqual(['BatchGetCommand', 'BatchGetCommand']);
    const found = answer.ok ? (answer.result as { products: { productId: string }[] }).products.map((p) => p.productId) : [];
    expect(found).toEqual(ids);
  });

  it('gives up after a bounded number of attempts when keys stay unprocessed', async () => {
    const ids = await createMany(3);
    const { client, commands } = throttlingBatchGets(bed.table.documents, 1, Infinity);

    await expect(byIdsThrough(client)({ productIds: ids })).rejects.toMatchObject({ status: 503 });
    expect(commands).toHaveLength(5);
  });

  it('refuses more than 100 ids with a 422 problem', async () => {
    const ids = Array.from({ length: 101 }, () => unknownId);

    const answer = await bed.handlers.byIds({ productIds: ids });

    expect(answer).toMatchObject({ ok: false, problem: { status: 422, errors: [{ path: 'productIds' }] } });
  });

  it('refuses malformed ids with a 422 problem', async () => {

    const answer = await bed.handlers.byIds({ productIds: ['not-an-id'] });

    expect(answer).toMatchObject({ ok: false, problem: { status: 422, errors: [{ path: 'productIds.0' }] } });
  });

  it('serves lambda-kit\'s internal client as carts and orders call it', async () => {
    const [productId = ''] = await createMany(1);
    const lambda = {
      send: async (command: { input: { Payload?: Uint8Array } }) => ({
        StatusCode: 200,
        Payload: new TextEncoder().encode(JSON.stringify(await bed.handlers.byIds(JSON.parse(new TextDecoder().decode(command.input.Payload))))),
      }),
    } as unknown as LambdaClient;
    const client = internalClient(getProductsByIds, { client: lambda, env: { INVOKE_PRODUCTS_GETPRODUCTSBYIDS: 'shoplane-test-products-get-products-by-ids' } });

    const answer = await client.call({ productIds: [productId] });

    expect(answer.products[0]).toMatchObject({ productId, status: 'active', price: { amount: 3499, currency: 'USD' } });
  });
});
