import { restock } from '@shoplane/contracts';
import { apiEvent, invoke } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { announcedChanges, inventoryTestbed, newProductId, type InventoryTestbed } from '../test-support.js';
import { restockHandler } from './restock.js';

let bed: InventoryTestbed;
let handler: ReturnType<typeof restockHandler>;

beforeAll(async () => {
  bed = await inventoryTestbed();
  handler = restockHandler(bed.inventory, bed.idempotency, bed.verifier);
});

function post(productId: string, body: unknown, options: { token?: string; headers?: Record<string, string> } = {}) {
  return invoke(handler, apiEvent(restock, { body, token: options.token ?? bed.adminToken, headers: options.headers, pathParameters: { productId } }));
}

describe('POST /inventory/{productId}/restock', () => {
  it('adds the units to available stock and answers the record after the change', async () => {
    const productId = await bed.stockedProduct(5);

    const response = await post(productId, { quantity: 7 });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ productId, availableStock: 12, reservedStock: 0, version: 2, updatedAt: expect.any(String) });
    expect(await bed.deps.stock.find(productId)).toEqual(response.body);
  });

  it('announces InventoryUpdated (reason restocked) under the request\'s correlation id', async () => {
    const productId = await bed.stockedProduct(5);

    await post(productId, { quantity: 2 }, { headers: { 'x-correlation-id': 'corr-restock-1' } });

    const restocked = (await announcedChanges(bed.table, productId)).filter((change) => change.data.reason === 'restocked');
    expect(restocked).toEqual([
      expect.objectContaining({ correlationId: 'corr-restock-1', data: { productId, availableStock: 7, reservedStock: 0, version: 2, reason: 'restocked' } }),
    ]);
  });

  it('answers 404 for a product inventory has no record of, and creates none', async () => {
    const productId = newProductId();

    const response = await post(productId, { quantity: 3 });

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ type: expect.stringContaining('stock-not-found') });
    expect(await bed.deps.stock.find(productId)).toBeUndefined();
  });

  it.each([
    ['zero', 0, 'must be at least 1'],
    ['negative', -4, 'must be at least 1'],
    ['decimal', 1.5, 'must be an integer'],
    ['string', '3', 'must be of type number'],
    ['missing', undefined, 'is required'],
  ])('answers 422 for a %s quantity and changes nothing', async (_case, quantity, message) => {
    const productId = await bed.stockedProduct(5);

    const response = await post(productId, { quantity });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'quantity', message }] });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 5, version: 1 });
  });

  it('answers 422 naming a field it does not know, and changes nothing', async () => {
    const productId = await bed.stockedProduct(5);

    const response = await post(productId, { quantity: 3, warehouse: 'north' });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'warehouse', message: 'is not a known field' }] });
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 5, version: 1 });
  });

  it('adds stock once when a request is retried with the same Idempotency-Key, replaying the first answer', async () => {
    const productId = await bed.stockedProduct(5);
    const headers = { 'idempotency-key': `restock-${productId}` };

    const first = await post(productId, { quantity: 10 }, { headers });
    const retried = await post(productId, { quantity: 10 }, { headers });

    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(first.body);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 15, version: 2 });
  });

  it('answers 422 when an Idempotency-Key is reused with another quantity', async () => {
    const productId = await bed.stockedProduct(5);
    const headers = { 'idempotency-key': `reused-${productId}` };
    await post(productId, { quantity: 1 }, { headers });

    const reused = await post(productId, { quantity: 2 }, { headers });

    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ type: expect.stringContaining('idempotency-key-reused') });
  });

  it('adds both restocks sent without an Idempotency-Key', async () => {
    const productId = await bed.stockedProduct(0);

    await Promise.all([post(productId, { quantity: 4 }), post(productId, { quantity: 6 })]);

    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 10, version: 3 });
  });

  it('answers 401 to an anonymous caller', async () => {
    const productId = await bed.stockedProduct(5);

    const response = await invoke(handler, apiEvent(restock, { body: { quantity: 1 }, pathParameters: { productId } }));

    expect(response.status).toBe(401);
  });

  it('answers 403 to a customer and changes nothing', async () => {
    const productId = await bed.stockedProduct(5);

    const response = await post(productId, { quantity: 1 }, { token: bed.customerToken });

    expect(response.status).toBe(403);
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 5 });
  });
});
