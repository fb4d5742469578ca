import { newId, toEnvelope } from '@shoplane/lambda-kit';
import { subscriptionBatch } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { commit } from '../domain/reservations.js';
import { inventoryTestbed, type InventoryTestbed } from '../test-support.js';
import { onOrderFailedHandler } from './on-order-failed.js';

let bed: InventoryTestbed;
let onOrderFailed: ReturnType<typeof onOrderFailedHandler>;

beforeAll(async () => {
  bed = await inventoryTestbed();
  onOrderFailed = onOrderFailedHandler(bed.inventory);
});

const orderFailed = (orderId: string) =>
  toEnvelope('orders', { eventType: 'OrderFailed', correlationId: 'corr-order-failed', data: { orderId, userId: newId('usr'), reason: 'internal-error' } });

describe('on OrderFailed', () => {
  it("returns a failed order's held units to available, once however often the event comes", async () => {
    const { productId, reservationId } = await bed.heldReservation(10, 3);

    const first = await onOrderFailed(subscriptionBatch(orderFailed(reservationId)));
    const again = await onOrderFailed(subscriptionBatch(orderFailed(reservationId)));

    expect([first.batchItemFailures, again.batchItemFailures]).toEqual([[], []]);
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 10, reservedStock: 0 });
  });

  it('accepts a failed order that never reserved anything', async () => {
    const response = await onOrderFailed(subscriptionBatch(orderFailed(newId('ord'))));

    expect(response.batchItemFailures).toEqual([]);
  });

  it('leaves committed units alone and does not retry the event', async () => {
    const { productId, reservationId } = await bed.heldReservation(10, 3);
    await commit(bed.deps, reservationId);

    const response = await onOrderFailed(subscriptionBatch(orderFailed(reservationId)));

    expect(response.batchItemFailures).toEqual([]);
    expect(await bed.deps.stock.find(productId)).toMatchObject({ availableStock: 7, reservedStock: 0 });
  });
});
