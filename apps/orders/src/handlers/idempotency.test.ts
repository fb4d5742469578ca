import type { IdempotencyStore } from '@shoplane/lambda-kit';
import { problemTypeOf } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { card, nextKey, orderApi, orderIdOf, ordersTestbed, shopper, type OrdersTestbed } from '../test-support.js';

let bed: OrdersTestbed;
let api: ReturnType<typeof orderApi>;

beforeAll(async () => {
  bed = await ordersTestbed();
  api = orderApi(bed);
});

describe('POST /orders and its Idempotency-Key', () => {
  it('answers 422 naming the header when the key is missing, and places nothing', async () => {
    const { client, caller, product } = await shopper(bed, api);

    const response = await client.create({ items: [{ productId: product.productId, quantity: 1 }], payment: card }, null);

    expect(response.status).toBe(422);
    expect((response.body as { errors: unknown[] }).errors).toEqual([{ path: 'headers.idempotency-key', message: 'is required' }]);
    expect(await bed.orderCount(caller.userId)).toBe(0);
  });

  it('answers a retry with the same key and body with the same order: 201 first, then 200 marked as replayed', async () => {
    const { client, caller, product } = await shopper(bed, api);
    const body = { items: [{ productId: product.productId, quantity: 1 }], payment: card };
    const key = nextKey();

    const first = await client.create(body, key);
    const retry = await client.create(body, key);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['location']).toBe(first.headers['location']);
    expect(await bed.orderCount(caller.userId)).toBe(1);
    expect((await bed.eventsOf(orderIdOf(first))).filter((event) => event.eventType === 'OrderCreated')).toHaveLength(1);
  });

  it('answers 422 idempotency-key-reused for the same key with another body', async () => {
    const { client, caller, product } = await shopper(bed, api);
    const key = nextKey();
    await client.create({ items: [{ productId: product.productId, quantity: 1 }], payment: card }, key);

    const reused = await client.create({ items: [{ productId: product.productId, quantity: 2 }], payment: card }, key);

    expect(reused.status).toBe(422);
    expect(problemTypeOf(reused.body)).toBe('idempotency-key-reused');
    expect(await bed.orderCount(caller.userId)).toBe(1);
  });

  it('lets two customers use the same key, each for an order of their own', async () => {
    const alice = await shopper(bed, api);
    const bob = await shopper(bed, api);
    const key = nextKey();

    const first = await alice.client.create({ items: [{ productId: alice.product.productId, quantity: 1 }], payment: card }, key);
    const second = await bob.client.create({ items: [{ productId: alice.product.productId, quantity: 1 }], payment: card }, key);

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(orderIdOf(first)).not.toBe(orderIdOf(second));
  });

  it('places one order for ten concurrent requests with one key; the others are told it is in progress or get it replayed', async () => {
    const { client, caller, product } = await shopper(bed, api);
    const body = { items: [{ productId: product.productId, quantity: 1 }], payment: card };
    const key = nextKey();

    const responses = await Promise.all(Array.from({ length: 10 }, () => client.create(body, key)));

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.every((status) => [200, 201, 409].includes(status))).toBe(true);
    for (const response of responses.filter((candidate) => candidate.status === 409)) {
      expect(problemTypeOf(response.body)).toBe('request-in-progress');
      expect(response.headers['retry-after']).toBe('1');
    }
    expect(await bed.orderCount(caller.userId)).toBe(1);
  });

  it('still places one order per key when the stored answer was lost (the order\'s own transaction claims the key)', async () => {
    // A store that never remembers: as if the function died after placing the order, before recording its answer.
    const forgetful: IdempotencyStore = { start: async () => ({ state: 'new' }), complete: async () => undefined, abandon: async () => undefined };
    const amnesiac = orderApi(bed, { idempotency: () => forgetful });
    const { caller, product } = await shopper(bed, api);
    const client = await amnesiac.as(caller);
    const body = { items: [{ productId: product.productId, quantity: 1 }], payment: card };
    const key = nextKey();

    const first = await client.create(body, key);
    const retry = await client.create(body, key);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await bed.orderCount(caller.userId)).toBe(1);
  });

  it('forgets a key whose request was refused, so the corrected retry places the order', async () => {
    const { client, caller, product } = await shopper(bed, api, { availableStock: 1 });
    const key = nextKey();
    const refused = await client.create({ items: [{ productId: product.productId, quantity: 5 }], payment: card }, key);
    bed.products.add({ ...product, availableStock: 10 });

    const retry = await client.create({ items: [{ productId: product.productId, quantity: 5 }], payment: card }, key);

    expect(refused.status).toBe(409);
    expect(retry.status).toBe(201);
    expect(await bed.orderCount(caller.userId)).toBe(1);
  });
});
