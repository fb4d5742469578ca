import { testProduct } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { moved } from '../domain/order.js';
import { placeOrder } from '../domain/orders.js';
import { card, freshCustomer, ordersTestbed, type OrdersTestbed } from '../test-support.js';

let bed: OrdersTestbed;
const product = testProduct();

beforeAll(async () => {
  bed = await ordersTestbed();
  bed.products.add(product);
});

async function storedOrder() {
  const { orderId } = await placeOrder(bed.deps(), { caller: freshCustomer(), request: { items: [{ productId: product.productId, quantity: 1 }], payment: card }, correlationId: 'corr' });
  const order = await bed.orders.find(orderId);
  if (!order) throw new Error('the order was not stored');
  return order;
}

describe('the order repository', () => {
  it('reads back exactly the order it stored', async () => {
    const order = await storedOrder();

    expect(await bed.orders.find(order.orderId)).toEqual(order);
  });

  it('lets exactly one of two moves computed from the same read win', async () => {
    const order = await storedOrder();
    const at = new Date();

    const results = await Promise.all([bed.orders.move(order, moved(order, 'CANCELLED', at), []), bed.orders.move(order, moved(order, 'PAYMENT_PENDING', at), [])]);

    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await bed.orders.find(order.orderId))?.statusHistory).toHaveLength(2);
  });

  it('writes nothing for a move its status does not allow, however stale the caller\'s copy', async () => {
    const order = await storedOrder();
    await bed.orders.move(order, moved(order, 'CANCELLED', new Date()), []);
    const pending = moved(order, 'PAYMENT_PENDING', new Date());

    expect(await bed.orders.move(pending, moved(pending, 'CONFIRMED', new Date()), [])).toBe(false);
    expect((await bed.orders.find(order.orderId))?.status).toBe('CANCELLED');
  });

  it('claims an order request key once: a second order for the key is not written, and the first is named', async () => {
    const first = await storedOrder();
    const second = { ...(await storedOrder()), orderId: 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V' };
    const requestKey = { userId: first.userId, idempotencyKey: 'repository-key-0001' };
    await bed.orders.create({ ...first, orderId: 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7W' }, [], requestKey);

    const outcome = await bed.orders.create(second, [], requestKey);

    expect(outcome).toEqual({ kind: 'exists', orderId: 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7W' });
    expect(await bed.orders.find(second.orderId)).toBeUndefined();
  });
});
