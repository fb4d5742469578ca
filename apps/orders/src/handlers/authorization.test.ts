import { admin, type ParsedResponse, testProduct } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { card, orderApi, ordersTestbed, placedOrder, shopper, type OrderClient, type OrdersTestbed } from '../test-support.js';

let bed: OrdersTestbed;
let api: ReturnType<typeof orderApi>;
const product = testProduct();

beforeAll(async () => {
  bed = await ordersTestbed();
  bed.products.add(product);
  api = orderApi(bed);
});

type Route = [name: string, call: (client: OrderClient, orderId: string) => Promise<ParsedResponse>];

const routes: Route[] = [
  ['POST /orders', (client) => client.create({ items: [{ productId: product.productId, quantity: 1 }], payment: card })],
  ['GET /orders', (client) => client.list()],
  ['GET /orders/{orderId}', (client, orderId) => client.get(orderId)],
  ['POST /orders/{orderId}/cancel', (client, orderId) => client.cancel(orderId)],
];

describe('who may use the order routes', () => {
  it.each(routes)('%s answers 401 problem+json without a token', async (_route, call) => {
    const { client } = await shopper(bed, api);
    const orderId = await placedOrder(client, product.productId);

    const response = await call(api.anonymous, orderId);

    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('serves an admin as a shopper with orders of their own', async () => {
    const client = await api.as(admin);

    const response = await client.create({ items: [{ productId: product.productId, quantity: 1 }], payment: card });

    expect(response.status).toBe(201);
  });
});

describe('one customer\'s orders are invisible and untouchable to another', () => {
  it('answers 404 order-not-found for another customer\'s order, exactly as for a missing one', async () => {
    const alice = await shopper(bed, api);
    const bob = await shopper(bed, api);
    const orderId = await placedOrder(alice.client, product.productId);

    const theirs = await bob.client.get(orderId);
    const missing = await bob.client.get('ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V');

    const { type, title, status, detail } = missing.body as Record<string, unknown>;
    expect(theirs.status).toBe(404);
    expect(theirs.body).toMatchObject({ type, title, status, detail });
  });

  it('answers 404 when another customer cancels the order, and leaves it CREATED with no event', async () => {
    const alice = await shopper(bed, api);
    const bob = await shopper(bed, api);
    const orderId = await placedOrder(alice.client, product.productId);

    const response = await bob.client.cancel(orderId);

    expect(response.status).toBe(404);
    expect((await bed.orders.find(orderId))?.status).toBe('CREATED');
    expect((await bed.eventsOf(orderId)).map((event) => event.eventType)).toEqual(['OrderCreated']);
  });

  it('lists only the caller\'s own orders', async () => {
    const alice = await shopper(bed, api);
    const bob = await shopper(bed, api);
    const aliceOrder = await placedOrder(alice.client, product.productId);
    await placedOrder(bob.client, product.productId);

    const response = await alice.client.list();

    expect((response.body as { items: { orderId: string }[] }).items.map((order) => order.orderId)).toEqual([aliceOrder]);
  });

  it('answers 404 for a path id that cannot name an order', async () => {
    const { client } = await shopper(bed, api);

    const response = await client.get('../../admin');

    expect(response.status).toBe(404);
  });
});
