import { subscriptionBatch } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveProduct } from '../domain/catalogue.js';
import { createdProduct, inventoryUpdated, productsTestbed, type ProductsTestbed } from '../test-support.js';

let bed: ProductsTestbed;

beforeAll(async () => {
  bed = await productsTestbed();
});

const stockOf = async (productId: string) => {
  const product = await bed.products.findById(productId);
  return { availableStock: product?.availableStock, inStock: product?.inStock };
};

describe('InventoryUpdated subscription', () => {
  it('records the stock inventory reports', async () => {
    const productId = await createdProduct(bed, { stock: 10 });

    const response = await bed.handlers.onInventoryUpdated(subscriptionBatch(inventoryUpdated(productId, 4, 2)));

    expect(response.batchItemFailures).toEqual([]);
    expect(await stockOf(productId)).toEqual({ availableStock: 4, inStock: true });
  });

  it('shows a product as out of stock when none is left', async () => {
    const productId = await createdProduct(bed, { stock: 1 });

    await bed.handlers.onInventoryUpdated(subscriptionBatch(inventoryUpdated(productId, 0, 2)));

    expect(await stockOf(productId)).toEqual({ availableStock: 0, inStock: false });
  });

  it('applies a newer version over an older one', async () => {
    const productId = await createdProduct(bed, { stock: 10 });
    await bed.handlers.onInventoryUpdated(subscriptionBatch(inventoryUpdated(productId, 8, 2)));

    await bed.handlers.onInventoryUpdated(subscriptionBatch(inventoryUpdated(productId, 6, 3)));

    expect(await stockOf(productId)).toEqual({ availableStock: 6, inStock: true });
  });

  it('ignores an update older than the one stored, as when deliveries arrive out of order', async () => {
    const productId = await createdProduct(bed, { stock: 10 });
    await bed.handlers.onInventoryUpdated(subscriptionBatch(inventoryUpdated(productId, 0, 7)));

    const response = await bed.handlers.onInventoryUpdated(subscriptionBatch(inventoryUpdated(productId, 9, 6)));

    expect(response.batchItemFailures).toEqual([]);
    expect(await stockOf(productId)).toEqual({ availableStock: 0, inStock: false });
  });

  it('changes nothing when the same event is delivered again', async () => {
    const productId = await createdProduct(bed, { stock: 10 });
    const reserved = inventoryUpdated(productId, 5, 4);
    await bed.handlers.onInventoryUpdated(subscriptionBatch(reserved));
    await bed.handlers.onInventoryUpdated(subscriptionBatch(inventoryUpdated(productId, 3, 5)));

    await bed.handlers.onInventoryUpdated(subscriptionBatch(reserved));

    expect(await stockOf(productId)).toEqual({ availableStock: 3, inStock: true });
  });

  it('ends on the newest figures whatever order one batch delivers them in', async () => {
    const productId = await createdProduct(bed, { stock: 10 });

    await bed.handlers.onInventoryUpdated(
      subscriptionBatch(inventoryUpdated(productId, 7, 3), inventoryUpdated(productId, 5, 5), inventoryUpdated(productId, 9, 1), inventoryUpdated(productId, 6, 4)),
    );

    expect(await stockOf(productId)).toEqual({ availableStock: 5, inStock: true });
  });

  it('acknowledges an update for a product it does not know without creating one', async () => {
    const unknown = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V';

    const response = await bed.handlers.onInventoryUpdated(subscriptionBatch(inventoryUpdated(unknown, 3, 1)));

    expect(response.batchItemFailures).toEqual([]);
    expect(await bed.products.findById(unknown)).toBeUndefined();
  });

  it('keeps the stock of an archived product current, for carts that still hold it', async () => {
    const productId = await createdProduct(bed, { stock: 10 });
    await archiveProduct(bed.deps(), productId, 'test');

    await bed.handlers.onInventoryUpdated(subscriptionBatch(inventoryUpdated(productId, 2, 9)));

    expect(await bed.products.findById(productId)).toMatchObject({ status: 'archived', availableStock: 2 });
  });
});
