import * as z from 'zod/mini';
import { Timestamp } from './common.js';
import { defineOperation } from './http.js';
import { ProductId } from './catalogue.js';

export const StockRecord = z
  .object({
    productId: ProductId,
    availableStock: z.int().check(z.minimum(0)).register(z.globalRegistry, { description: 'Units that can be reserved now.' }),
    reservedStock: z.int().check(z.minimum(0)).register(z.globalRegistry, { description: 'Units held for orders in checkout.' }),
    version: z.int().check(z.minimum(1)).register(z.globalRegistry, { description: 'Increases with every change (optimistic concurrency).' }),
    updatedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'StockRecord' });

export const RestockRequest = z
  .strictObject({ quantity: z.int().check(z.minimum(1, { error: 'must be at least 1' }), z.maximum(1_000_000)) })
  .register(z.globalRegistry, { id: 'RestockRequest' });

const InventoryPath = z.object({ productId: ProductId });

export type StockRecord = z.infer<typeof StockRecord>;
export type RestockRequest = z.infer<typeof RestockRequest>;

export const getStock = defineOperation({
  operationId: 'getStock',
  method: 'get',
  path: '/inventory/{productId}',
  auth: 'admin',
  tags: ['inventory'],
  summary: 'Stock of a product',
  description: 'Admins only. Shoppers see `availableStock` and `inStock` on the product instead.',
  request: { params: InventoryPath },
  responses: { 200: { description: 'The stock record.', schema: StockRecord } },
  problems: [404],
});

export const restock = defineOperation({
  operationId: 'restock',
  method: 'post',
  path: '/inventory/{productId}/restock',
  auth: 'admin',
  tags: ['inventory'],
  summary: 'Add stock',
  description: 'Admins only. Adds `quantity` units atomically. Emits `InventoryUpdated`.',
  request: { params: InventoryPath, body: RestockRequest, idempotencyKey: true },
  responses: { 200: { description: 'The stock record after the change.', schema: StockRecord } },
  problems: [404, 422],
});

export const inventoryOperations = [getStock, restock];
