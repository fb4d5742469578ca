import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { metrics } from '../adapters/dependencies.js';
import { card, checkoutSteps, nextKey, orderApi, ordersTestbed, placedOrder, shopper, type OrdersTestbed } from '../test-support.js';

let bed: OrdersTestbed;
let api: ReturnType<typeof orderApi>;
let steps: ReturnType<typeof checkoutSteps>;

beforeAll(async () => {
  bed = await ordersTestbed();
  api = orderApi(bed);
  steps = checkoutSteps(bed);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const paymentId = 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V';

describe('what orders counts', () => {
  it('counts OrdersCreated once per order placed, not for a retried request', async () => {
    const { client, product } = await shopper(bed, api);
    const counted = vi.spyOn(metrics, 'count');
    const key = nextKey();

    await client.create({ items: [{ productId: product.productId, quantity: 1 }], payment: card }, key);
    await client.create({ items: [{ productId: product.productId, quantity: 1 }], payment: card }, key);

    expect(counted.mock.calls).toEqual([['OrdersCreated']]);
  });

  it('counts nothing for an order it refuses', async () => {
    const { client } = await shopper(bed, api);
    const counted = vi.spyOn(metrics, 'count');

    const response = await client.create({ items: [{ productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', quantity: 1 }], payment: card });

    expect(response.status).toBe(422);
    expect(counted).not.toHaveBeenCalled();
  });

  it('counts OrdersConfirmed when checkout confirms an order, once however often it asks', async () => {
    const { client, product } = await shopper(bed, api);
    const orderId = await placedOrder(client, product.productId);
    await steps.begin({ orderId });
    const counted = vi.spyOn(metrics, 'count');

    await steps.confirm({ orderId, paymentId });
    await steps.confirm({ orderId, paymentId });

    expect(counted.mock.calls).toEqual([['OrdersConfirmed']]);
  });

  it('counts OrdersFailed with its reason when checkout fails an order, once, and not for a cancelled one', async () => {
    const { client, product } = await shopper(bed, api);
    const failing = await placedOrder(client, product.productId);
    const cancelled = await placedOrder(client, product.productId);
    await client.cancel(cancelled);
    const counted = vi.spyOn(metrics, 'count');

    await steps.fail({ orderId: failing, reason: 'out-of-stock' });
    await steps.fail({ orderId: failing, reason: 'out-of-stock' });
    await steps.fail({ orderId: cancelled, reason: 'invalid-order' });

    expect(counted.mock.calls).toEqual([['OrdersFailed', { reason: 'out-of-stock' }]]);
  });
});
