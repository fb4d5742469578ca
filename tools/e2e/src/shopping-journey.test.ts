import { startLocalShop, type LocalShop } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingClient, type RecordingClient } from './journey-client.js';

let shop: LocalShop;
let client: RecordingClient;

beforeAll(async () => {
  shop = await startLocalShop({ port: 0, quiet: true });
  client = recordingClient(shop.url);
});

afterAll(async () => {
  await shop?.stop();
});

async function tokenFor(email: string, password: string): Promise<string> {
  const { data } = await client.api.POST('/users/login', { body: { email, password } });
  if (!data) throw new Error(`login failed for ${email}`);
  return data.token;
}

describe('an admin stocks the shop and a shopper fills a cart, through the generated client', () => {
  const shopper = { email: `shopper-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Shopper' };
  let adminToken: string;
  let shopperToken: string;
  let productId: string;

  beforeAll(async () => {
    adminToken = await tokenFor('admin@shoplane.local', 'shoplane-admin');
    await client.api.POST('/users/register', { body: shopper });
    shopperToken = await tokenFor(shopper.email, shopper.password);
  });

  it('creates a product as admin; a shopper may not', async () => {
    const product = { name: 'Journey Kettle', description: 'Boils water.', category: 'kitchen', price: { amount: 2599, currency: 'USD' as const }, stock: 5 };
    client.useToken(shopperToken);
    const refused = await client.api.POST('/products', { body: product });
    client.useToken(adminToken);
    const created = await client.api.POST('/products', { body: product });

    expect(refused.response.status).toBe(403);
    expect(created.response.status).toBe(201);
    productId = created.data?.productId ?? '';
  });

  it('gets a stock record from its ProductCreated event, and shows the stock on the product', async () => {
    client.useToken(adminToken);
    const stockOf = () => client.api.GET('/inventory/{productId}', { params: { path: { productId } } });

    await expect.poll(async () => (await stockOf()).response.status, { timeout: 15_000 }).toBe(200);
    expect((await stockOf()).data).toMatchObject({ productId, availableStock: 5, reservedStock: 0 });
    client.useToken(undefined);
    const product = await client.api.GET('/products/{productId}', { params: { path: { productId } } });
    expect(product.data).toMatchObject({ availableStock: 5, inStock: true });
  });

  it('shows restocked units on the product once inventory announces them', async () => {
    client.useToken(adminToken);
    const restocked = await client.api.POST('/inventory/{productId}/restock', { params: { path: { productId } }, body: { quantity: 7 } });
    client.useToken(undefined);

    expect(restocked.data?.availableStock).toBe(12);
    await expect
      .poll(async () => (await client.api.GET('/products/{productId}', { params: { path: { productId } } })).data?.availableStock, { timeout: 15_000 })
      .toBe(12);
  });

  it('lists it under its category', async () => {
    client.useToken(undefined);
    const page = await client.api.GET('/products', { params: { query: { category: 'kitchen', limit: 100 } } });

    expect(page.data?.items.map((item) => item.productId)).toContain(productId);
  });

  it('adds it to the shopper\'s cart and prices the cart from the catalogue', async () => {
    client.useToken(shopperToken);
    const added = await client.api.POST('/cart/items', { body: { productId, quantity: 2 } });
    const cart = await client.api.GET('/cart');

    expect(added.response.status).toBe(200);
    expect(cart.data).toEqual({
      items: [{ productId, name: 'Journey Kettle', quantity: 2, price: { amount: 2599, currency: 'USD' }, lineTotal: { amount: 5198, currency: 'USD' }, available: true }],
      subtotal: { amount: 5198, currency: 'USD' },
      currency: 'USD',
    });
  });

  it('changes and removes the line, and refuses what a client may not send', async () => {
    client.useToken(shopperToken);
    const set = await client.api.PUT('/cart/items/{productId}', { params: { path: { productId } }, body: { quantity: 3 } });
    const tooMany = await client.api.POST('/cart/items', { body: { productId, quantity: 99 } });
    const removed = await client.api.DELETE('/cart/items/{productId}', { params: { path: { productId } } });
    const cleared = await client.api.DELETE('/cart');

    expect(set.data?.subtotal.amount).toBe(7797);
    expect(tooMany.response.status).toBe(422);
    expect(removed.data?.items).toEqual([]);
    expect(cleared.response.status).toBe(204);
  });

  it('keeps an archived product in the cart, flagged unavailable and out of the subtotal', async () => {
    client.useToken(shopperToken);
    await client.api.POST('/cart/items', { body: { productId, quantity: 1 } });
    client.useToken(adminToken);
    const archived = await client.api.DELETE('/products/{productId}', { params: { path: { productId } } });
    client.useToken(shopperToken);
    const cart = await client.api.GET('/cart');

    expect(archived.response.status).toBe(204);
    expect(cart.data?.items).toEqual([expect.objectContaining({ productId, available: false })]);
    expect(cart.data?.subtotal.amount).toBe(0);
  });

  it('got only answers that match openapi.json, every one of them', () => {
    expect(client.observed.length).toBeGreaterThanOrEqual(15);
    expect(client.observed.filter((answer) => answer.violations.length > 0)).toEqual([]);
  });
});
