import { startLocalShop, type LocalShop } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingClient, type RecordingClient } from './journey-client.js';

let shop: LocalShop;
let client: RecordingClient;

/** Where OrderCreated waits for the checkout: held here, so this journey sees orders before checkout moves them on (checkout-journey runs it). */
const checkoutQueue = 'shoplane-local-checkout-start-checkout';

beforeAll(async () => {
  shop = await startLocalShop({ port: 0, quiet: true });
  shop.bus.pause(checkoutQueue);
  client = recordingClient(shop.url);
});

afterAll(async () => {
  shop?.bus.resume(checkoutQueue);
  await shop?.stop();
});

describe('a shopper orders their cart, through the generated client', () => {
  const shopper = { email: `orderer-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Orderer' };
  const payment = { method: 'CARD' as const, token: 'tok_visa' };
  let productId: string;
  let price: number;
  let orderId: string;

  beforeAll(async () => {
    await client.api.POST('/users/register', { body: shopper });
    const { data } = await client.api.POST('/users/login', { body: { email: shopper.email, password: shopper.password } });
    client.useToken(data?.token);
    const page = await client.api.GET('/products', { params: { query: { limit: 1 } } });
    const [product] = page.data?.items ?? [];
    productId = product?.productId ?? '';
    price = product?.price.amount ?? 0;
    await client.api.POST('/cart/items', { body: { productId, quantity: 2 } });
  });

  it('places the cart as an order priced by the catalogue (products and carts reached in-process), and replays a retry', async () => {
    const request = { body: { payment }, params: { header: { 'Idempotency-Key': `journey-${Date.now()}` } } };

    const placed = await client.api.POST('/orders', request);
    const retried = await client.api.POST('/orders', request);

    expect(placed.response.status).toBe(201);
    expect(retried.response.status).toBe(200);
    expect(retried.data).toEqual(placed.data);
    orderId = placed.data?.orderId ?? '';
    const order = await client.api.GET('/orders/{orderId}', { params: { path: { orderId } } });
    expect(order.data).toMatchObject({ status: 'CREATED', lines: [{ productId, quantity: 2 }], total: { amount: price * 2 } });
  });

  it('keeps the cart until the order is confirmed', async () => {
    const cart = await client.api.GET('/cart');

    expect(cart.data?.items).toMatchObject([{ productId, quantity: 2 }]);
  });

  it('lists the order and cancels it while it is CREATED', async () => {
    const listed = await client.api.GET('/orders');
    const cancelled = await client.api.POST('/orders/{orderId}/cancel', { params: { path: { orderId } } });

    expect(listed.data?.items.map((order) => order.orderId)).toEqual([orderId]);
    expect(cancelled.data).toMatchObject({ orderId, status: 'CANCELLED' });
  });

  it('answered everything as openapi.json documents it', () => {
    expect(client.observed.length).toBeGreaterThanOrEqual(7);
    expect(client.observed.filter((answer) => answer.violations.length > 0)).toEqual([]);
  });
});
