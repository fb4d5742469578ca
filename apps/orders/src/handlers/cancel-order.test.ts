import type { Order } from '@shoplane/contracts';
import { problemTypeOf } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkoutSteps, orderApi, ordersTestbed, placedOrder, shopper, type OrdersTestbed } from '../test-support.js';

let bed: OrdersTestbed;
let api: ReturnType<typeof orderApi>;
let steps: ReturnType<typeof checkoutSteps>;

beforeAll(async () => {
  bed = await ordersTestbed();
  api = orderApi(bed);
  steps = checkoutSteps(bed);
});

const eventTypesOf = async (orderId: string) => (await bed.eventsOf(orderId)).map((event) => event.eventType).sort();

describe('POST /orders/{orderId}/cancel', () => {
  it('cancels a CREATED order, answers it and emits OrderCancelled', async () => {
    const { client, caller, product } = await shopper(bed, api);
    const orderId = await placedOrder(client, product.productId);

    const response = await client.cancel(orderId);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ orderId, status: 'CANCELLED', payment: { status: 'NOT_CHARGED' } });
    expect((response.body as Order).statusHistory.map((change) => change.status)).toEqual(['CREATED', 'CANCELLED']);
    const cancelled = (await bed.eventsOf(orderId)).find((event) => event.eventType === 'OrderCancelled');
    expect(cancelled?.data).toEqual({ orderId, userId: caller.userId });
  });

  it('drops the payment token once the order is cancelled', async () => {
    const { client, product } = await shopper(bed, api);
    const orderId = await placedOrder(client, product.productId);

    await client.cancel(orderId);

    expect(await bed.storedItem(orderId)).not.toHaveProperty('paymentToken');
  });

  it('answers a second cancel with the cancelled order and emits nothing more', async () => {
    const { client, product } = await shopper(bed, api);
    const orderId = await placedOrder(client, product.productId);
    await client.cancel(orderId);

    const again = await client.cancel(orderId);

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'CANCELLED' });
    expect(await eventTypesOf(orderId)).toEqual(['OrderCancelled', 'OrderCreated']);
  });

  it.each([
    ['payment has begun', ['begin']],
    ['it is confirmed', ['begin', 'confirm']],
    ['it failed', ['fail']],
  ])('answers 409 order-not-cancellable once %s, changing nothing', async (_case, done) => {
    const { client, product } = await shopper(bed, api);
    const orderId = await placedOrder(client, product.productId);
    for (const step of done) {
      if (step === 'begin') await steps.begin({ orderId });
      if (step === 'confirm') await steps.confirm({ orderId, paymentId: 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V' });
      if (step === 'fail') await steps.fail({ orderId, reason: 'out-of-stock' });
    }
    const before = await bed.orders.find(orderId);

    const response = await client.cancel(orderId);

    expect(response.status).toBe(409);
    expect(problemTypeOf(response.body)).toBe('order-not-cancellable');
    expect(await bed.orders.find(orderId)).toEqual(before);
  });
});

describe('cancel racing beginPayment', () => {
  it('lets exactly one of them win, every time, and the order shows the winner', async () => {
    const { client, product } = await shopper(bed, api);
    const orderIds = await Promise.all(Array.from({ length: 12 }, () => placedOrder(client, product.productId)));

    const outcomes = await Promise.all(
      orderIds.map(async (orderId) => {
        const [cancel, begin] = await Promise.all([client.cancel(orderId), steps.begin({ orderId })]);
        return { orderId, cancelled: cancel.status === 200, paymentBegan: begin.ok, cancel, begin };
      }),
    );

    for (const { orderId, cancelled, paymentBegan, cancel, begin } of outcomes) {
      expect(cancelled !== paymentBegan, orderId).toBe(true);
      const stored = await bed.orders.find(orderId);
      expect(stored?.status).toBe(cancelled ? 'CANCELLED' : 'PAYMENT_PENDING');
      expect(stored?.statusHistory).toHaveLength(2);
      if (cancelled) expect(begin).toMatchObject({ ok: false, problem: { status: 409, type: expect.stringContaining('order-cancelled') } });
      else expect(problemTypeOf(cancel.body)).toBe('order-not-cancellable');
      expect((await bed.eventsOf(orderId)).filter((event) => event.eventType === 'OrderCancelled')).toHaveLength(cancelled ? 1 : 0);
    }
  });
});
