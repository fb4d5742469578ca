import { getProductsByIds } from '@shoplane/contracts';
import { internalClient } from '@shoplane/lambda-kit';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { archiveProduct } from '../domain/catalogue.js';
import { createdProduct, productsTestbed, recordingClient, throttlingBatchGets, type ProductsTestbed } from '../test-support.js';

const unknownId = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V';

async function createMany(bed: ProductsTestbed, count: number): Promise<string[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => createdProduct(bed, { name: `Bulk ${index}` })));
}

function recordingBed() {
  let commands: string[] = [];
  const ready = productsTestbed((client) => {
    const recording = recordingClient(client);
    commands = recording.commands;
    return recording.client;
  });
  return ready.then((bed) => ({ bed, commands }));
}

describe('getProductsByIds (internal operation)', () => {
  it('answers the found products in request order and the missing ids', async () => {
    const bed = await productsTestbed();
    const [first, second] = await createMany(bed, 2);

    const answer = await bed.handlers.byIds({ productIds: [second, unknownId, first] });

    expect(answer).toEqual({
      ok: true,
      result: { products: [expect.objectContaining({ productId: second }), expect.objectContaining({ productId: first })], missing: [unknownId] },
    });
  });

  it('answers each id once however often it was asked for', async () => {
    const bed = await productsTestbed();
    const [productId = ''] = await createMany(bed, 1);

    const answer = await bed.handlers.byIds({ productIds: [productId, productId, unknownId, unknownId] });

    expect(answer).toMatchObject({ ok: true, result: { products: [{ productId }], missing: [unknownId] } });
  });

  it('includes archived products with their status', async () => {
    const bed = await productsTestbed();
    const [productId = ''] = await createMany(bed, 1);
    await archiveProduct(bed.deps(), productId, 'test');

    const answer = await bed.handlers.byIds({ productIds: [productId] });

    expect(answer).toMatchObject({ ok: true, result: { products: [{ productId, status: 'archived' }], missing: [] } });
  });

  it('reads 100 products with exactly one BatchGet', async () => {
    const { bed, commands } = await recordingBed();
    const ids = await createMany(bed, 100);
    commands.length = 0;

    const answer = await bed.handlers.byIds({ productIds: ids });

    expect(commands).toEqual(['BatchGetCommand']);
    expect(answer).toMatchObject({ ok: true, result: { missing: [] } });
    expect(answer.ok && (answer.result as { products: unknown[] }).products).toHaveLength(100);
  });

  it('asks again for the keys DynamoDB left unprocessed', async () => {
    let commands: string[] = [];
    const bed = await productsTestbed((client) => {
      const throttling = throttlingBatchGets(client, 30);
      commands = throttling.commands;
      return throttling.client;
    });
    const ids = await createMany(bed, 80);
    commands.length = 0;

    const answer = await bed.handlers.byIds({ productIds: ids });

    expect(commands).toEqual(['BatchGetCommand', 'BatchGetCommand']);
    const found = answer.ok ? (answer.result as { products: { productId: string }[] }).products.map((p) => p.productId) : [];
    expect(found).toEqual(ids);
  });

  it('gives up after a bounded number of attempts when keys stay unprocessed', async () => {
    let commands: string[] = [];
    const bed = await productsTestbed((client) => {
      const throttling = throttlingBatchGets(client, 1, Infinity);
      commands = throttling.commands;
      return throttling.client;
    });
    const ids = await createMany(bed, 3);
    commands.length = 0;

    await expect(bed.handlers.byIds({ productIds: ids })).rejects.toMatchObject({ status: 503 });
    expect(commands).toHaveLength(5);
  });

  it('refuses more than 100 ids with a 422 problem', async () => {
    const bed = await productsTestbed();
    const ids = Array.from({ length: 101 }, () => unknownId);

    const answer = await bed.handlers.byIds({ productIds: ids });

    expect(answer).toMatchObject({ ok: false, problem: { status: 422, errors: [{ path: 'productIds' }] } });
  });

  it('refuses malformed ids with a 422 problem', async () => {
    const bed = await productsTestbed();

    const answer = await bed.handlers.byIds({ productIds: ['not-an-id'] });

    expect(answer).toMatchObject({ ok: false, problem: { status: 422, errors: [{ path: 'productIds.0' }] } });
  });

  it('serves lambda-kit\'s internal client as carts and orders call it', async () => {
    const bed = await productsTestbed();
    const [productId = ''] = await createMany(bed, 1);
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
