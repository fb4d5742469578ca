import { getStock } from '@shoplane/contracts';
import { apiEvent, invoke } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { inventoryTestbed, newProductId, type InventoryTestbed } from '../test-support.js';
import { getStockHandler } from './get-stock.js';

let bed: InventoryTestbed;
let handler: ReturnType<typeof getStockHandler>;
let productId: string;

beforeAll(async () => {
  bed = await inventoryTestbed();
  handler = getStockHandler(bed.inventory, bed.verifier);
  productId = await bed.stockedProduct(9);
});

const ask = (id: string, token?: string) => invoke(handler, apiEvent(getStock, { token, pathParameters: { productId: id } }));

describe('GET /inventory/{productId}', () => {
  it('answers an admin the stock record', async () => {
    const response = await ask(productId, bed.adminToken);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ productId, availableStock: 9, reservedStock: 0, version: 1, updatedAt: expect.any(String) });
    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('answers 404 problem+json for a product inventory has no record of', async () => {
    const response = await ask(newProductId(), bed.adminToken);

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body).toMatchObject({ type: expect.stringContaining('stock-not-found') });
  });

  it('answers 404 for an id that is not a product id', async () => {
    expect((await ask('STOCK#whatever', bed.adminToken)).status).toBe(404);
  });

  it('answers 401 to an anonymous caller', async () => {
    expect((await ask(productId)).status).toBe(401);
  });

  it('answers 403 to a customer', async () => {
    expect((await ask(productId, bed.customerToken)).status).toBe(403);
  });
});
