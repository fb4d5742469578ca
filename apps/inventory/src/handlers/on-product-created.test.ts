import { beforeAll, describe, expect, it } from 'vitest';
import { subscriptionBatch } from '@shoplane/testing';
import { announcedChanges, inventoryTestbed, newProductId, productCreated, type InventoryTestbed } from '../test-support.js';
import { onProductCreatedHandler } from './on-product-created.js';

let bed: InventoryTestbed;
let onProductCreated: ReturnType<typeof onProductCreatedHandler>;

beforeAll(async () => {
  bed = await inventoryTestbed();
  onProductCreated = onProductCreatedHandler(bed.inventory);
});

describe('on ProductCreated', () => {
  it('creates the product\'s stock record with its initial stock, nothing reserved, version 1', async () => {
    const productId = newProductId();

    const response = await onProductCreated(subscriptionBatch(productCreated(productId, 12)));

    expect(response.batchItemFailures).toEqual([]);
    expect(await bed.deps.stock.find(productId)).toEqual({ productId, availableStock: 12, reservedStock: 0, version: 1, updatedAt: expect.any(String) });
  });

  it('announces the new record as InventoryUpdated (reason created) under the product event\'s correlation id', async () => {
    const productId = newProductId();

    await onProductCreated(subscriptionBatch(productCreated(productId, 4, 'corr-seed-42')));

    expect(await announcedChanges(bed.table, productId)).toEqual([
      {
        eventId: expect.stringMatching(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/),
        eventType: 'InventoryUpdated',
        source: 'shoplane.inventory',
        occurredAt: expect.any(String),
        correlationId: 'corr-seed-42',
        data: { productId, availableStock: 4, reservedStock: 0, version: 1, reason: 'created' },
      },
    ]);
  });

  it('creates one record and one event when the same event is delivered twice, even after stock moved', async () => {
    const productId = newProductId();
    const event = productCreated(productId, 7);
    await onProductCreated(subscriptionBatch(event));
    await bed.deps.stock.restock(productId, 3, { reason: 'restocked', correlationId: 'between', at: new Date() });

    const replay = await onProductCreated(subscriptionBatch(event, event));

    expect(replay.batchItemFailures).toEqual([]);
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 10, version: 2 });
    const reasons = (await announcedChanges(bed.table, productId)).map((change) => change.data.reason);
    expect(reasons).toEqual(['created', 'restocked']);
  });

  it('gives a product created with no stock a record of zero', async () => {
    const productId = newProductId();

    await onProductCreated(subscriptionBatch(productCreated(productId, 0)));

    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 0, reservedStock: 0 });
  });
});
