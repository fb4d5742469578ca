import type { Order } from '@shoplane/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { card, checkoutSteps, orderApi, orderIdOf, ordersTestbed, shopper, type OrdersTestbed } from '../test-support.js';

let bed: OrdersTestbed;
let api: ReturnType<typeof orderApi>;
let steps: ReturnType<typeof checkoutSteps>;

beforeAll(async () => {
  bed = await ordersTestbed();
  api = orderApi(bed);
  steps = checkoutSteps(bed);
});

const orderOf = (body: unknown) => body as Order;

describe('GET /orders/{orderId}', () => {
  it('shows the order as placed: lines, total, payment method and status, shipping address, history; never the token', async () => {
    const { client, product } = await shopper(bed, api, { name: 'Mug', price: { amount: 1299, currency: 'USD' } });
    const shippingAddress = { name: 'Ada', line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' };
    const placed = await client.create({ items: [{ productId: product.productId, quantity: 2 }], payment: card, shippingAddress });

    const response = await client.get(orderIdOf(placed));

    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.body).toEqual({
      orderId: orderIdOf(placed),
      status: 'CREATED',
      lines: [{ productId: product.productId, name: 'Mug', unitPrice: { amount: 1299, currency: 'USD' }, quantity: 2, lineTotal: { amount: 2598, currency: 'USD' } }],
      total: { amount: 2598, currency: 'USD' },
      payment: { method: 'CARD', status: 'NOT_STARTED' },
      shippingAddress,
      statusHistory: [{ status: 'CREATED', at: expect.any(String) }],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify(response.body)).not.toContain('tok_visa');
  });

  it('keeps the prices it was placed at when the catalogue changes', async () => {
    const { client, product } = await shopper(bed, api, { name: 'Lamp', price: { amount: 4000, currency: 'USD' } });
    const placed = await client.create({ items: [{ productId: product.productId, quantity: 1 }], payment: card });
    bed.products.add({ ...product, name: 'Lamp v2', price: { amount: 9000, currency: 'USD' }, status: 'archived' });

    const response = await client.get(orderIdOf(placed));

    expect(orderOf(response.body)).toMatchObject({ lines: [{ name: 'Lamp', unitPrice: { amount: 4000 } }], total: { amount: 4000 } });
  });

  it('shows when each status was reached, the payment id once paid, and the payment status', async () => {
    const { client, product } = await shopper(bed, api);
    const orderId = orderIdOf(await client.create({ items: [{ productId: product.productId, quantity: 1 }], payment: card }));
    await steps.begin({ orderId });
    const pending = orderOf((await client.get(orderId)).body);
    await steps.confirm({ orderId, paymentId: 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V' });

    const confirmed = orderOf((await client.get(orderId)).body);

    expect(pending.payment).toEqual({ method: 'CARD', status: 'PENDING' });
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', payment: { method: 'CARD', status: 'PAID', paymentId: 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V' } });
    expect(confirmed.statusHistory.map((change) => change.status)).toEqual(['CREATED', 'PAYMENT_PENDING', 'CONFIRMED']);
    const moments = confirmed.statusHistory.map((change) => change.at);
    expect([...moments].sort()).toEqual(moments);
    expect(confirmed.updatedAt).toBe(moments.at(-1));
  });

  it('shows why a failed order failed, and that nothing was charged', async () => {
    const { client, product } = await shopper(bed, api);
    const orderId = orderIdOf(await client.create({ items: [{ productId: product.productId, quantity: 1 }], payment: card }));
    await steps.fail({ orderId, reason: 'out-of-stock', detail: 'inventory refused line 0' });

    const failed = orderOf((await client.get(orderId)).body);

    expect(failed).toMatchObject({ status: 'FAILED', failureReason: 'out-of-stock', payment: { status: 'NOT_CHARGED' } });
    expect(JSON.stringify(failed)).not.toContain('inventory refused');
  });

  it('answers 404 order-not-found for an order that does not exist', async () => {
    const { client } = await shopper(bed, api);

    const response = await client.get('ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V');

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ type: expect.stringContaining('order-not-found') });
  });
});
