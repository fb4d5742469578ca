import { allOperations } from '@shoplane/contracts';
import { startLocalShop, type LocalShop } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingClient, type RecordingClient } from './journey-client.js';

/**
 * Every route that names something by id (in its path or body) is tried by a
 * second customer against the first one's things: nothing of another user can be
 * read or changed anywhere. The last test keeps this list complete.
 */
const checkedHere = ['createOrder', 'getOrder', 'cancelOrder', 'listOrders', 'getCart', 'setCartItem', 'removeCartItem', 'clearCart', 'addCartItem', 'listNotifications', 'getCurrentUser'];
/** Admin-only: a customer is refused whatever the id (the role comes from the verified token). */
const adminOnly = ['updateProduct', 'archiveProduct', 'getStock', 'restock', 'createProduct', 'listAnalyticsEvents', 'getAnalyticsSummary'];
/** The catalogue is public: it holds nothing of any user. */
const publicById = ['getProduct'];

let shop: LocalShop;
let ada: RecordingClient;
let bob: RecordingClient;
let productId: string;
let adaOrderId: string;

async function signUp(client: RecordingClient, name: string): Promise<void> {
  const account = { email: `${name.toLowerCase()}-${Date.now()}@example.com`, password: 'correct horse battery', name };
  await client.api.POST('/users/register', { body: account });
  const { data } = await client.api.POST('/users/login', { body: { email: account.email, password: account.password } });
  client.useToken(data?.token);
}

beforeAll(async () => {
  shop = await startLocalShop({ port: 0, quiet: true });
  ada = recordingClient(shop.url);
  bob = recordingClient(shop.url);
  await signUp(ada, 'Ada');
  await signUp(bob, 'Bob');
  const page = await ada.api.GET('/products', { params: { query: { limit: 2 } } });
  productId = page.data?.items[0]?.productId ?? '';
  await ada.api.POST('/cart/items', { body: { productId, quantity: 3 } });
  const placed = await ada.api.POST('/orders', {
    body: { items: [{ productId, quantity: 1 }], payment: { method: 'CARD', token: 'tok_visa' } },
    params: { header: { 'Idempotency-Key': `cross-user-${Date.now()}` } },
  });
  adaOrderId = placed.data?.orderId ?? '';
});

afterAll(async () => {
  await shop?.stop();
});

const adaCart = async () => (await ada.api.GET('/cart')).data?.items.map((line) => line.productId) ?? [];

describe('a second customer', () => {
  it('cannot read another customer’s order: 404, as if it did not exist', async () => {
    const read = await bob.api.GET('/orders/{orderId}', { params: { path: { orderId: adaOrderId } } });

    expect(adaOrderId).toMatch(/^ord_/);
    expect(read.response.status).toBe(404);
  });

  it('cannot cancel another customer’s order, and the order is untouched', async () => {
    const before = (await ada.api.GET('/orders/{orderId}', { params: { path: { orderId: adaOrderId } } })).data?.statusHistory?.length;

    const cancel = await bob.api.POST('/orders/{orderId}/cancel', { params: { path: { orderId: adaOrderId } } });

    expect(cancel.response.status).toBe(404);
    const after = (await ada.api.GET('/orders/{orderId}', { params: { path: { orderId: adaOrderId } } })).data;
    expect(after?.status).not.toBe('CANCELLED');
    expect(after?.statusHistory?.length ?? 0).toBeGreaterThanOrEqual(before ?? 0);
  });

  it('sees only their own orders', async () => {
    const listed = await bob.api.GET('/orders');

    expect(listed.response.status).toBe(200);
    expect(listed.data?.items.map((order) => order.orderId)).not.toContain(adaOrderId);
  });

  it('sees and changes only their own cart, whatever product id they name', async () => {
    const cart = await bob.api.GET('/cart');
    const removed = await bob.api.DELETE('/cart/items/{productId}', { params: { path: { productId } } });
    const set = await bob.api.PUT('/cart/items/{productId}', { params: { path: { productId } }, body: { quantity: 1 } });
    const cleared = await bob.api.DELETE('/cart');

    expect(cart.data?.items).toEqual([]);
    expect(removed.response.status).toBe(404);
    expect([200, 404]).toContain(set.response.status);
    expect(cleared.response.status).toBe(204);
    expect(await adaCart()).toContain(productId);
  });

  it('orders only their own cart: with an empty cart, never someone else’s lines', async () => {
    await bob.api.DELETE('/cart');

    const placed = await bob.api.POST('/orders', { body: { payment: { method: 'CARD', token: 'tok_visa' } }, params: { header: { 'Idempotency-Key': `cross-user-bob-${Date.now()}` } } });

    expect(placed.response.status).toBe(422);
    expect(await adaCart()).toContain(productId);
  });

  it('reads only their own notifications and profile', async () => {
    const adaNotifications = (await ada.api.GET('/notifications')).data?.items.map((item) => item.notificationId) ?? [];
    const bobNotifications = (await bob.api.GET('/notifications')).data?.items.map((item) => item.notificationId) ?? [];
    const me = await bob.api.GET('/users/me');

    expect(bobNotifications.filter((id) => adaNotifications.includes(id))).toEqual([]);
    expect(me.data?.name).toBe('Bob');
  });

  it('is refused every admin operation with 403, whatever the id', async () => {
    const answers = await Promise.all([
      bob.api.PATCH('/products/{productId}', { params: { path: { productId } }, body: { name: 'Mine now' } }),
      bob.api.DELETE('/products/{productId}', { params: { path: { productId } } }),
      bob.api.GET('/inventory/{productId}', { params: { path: { productId } } }),
      bob.api.POST('/inventory/{productId}/restock', { params: { path: { productId }, header: { 'Idempotency-Key': 'cross-user-restock' } }, body: { quantity: 5 } }),
      bob.api.GET('/analytics/events'),
      bob.api.GET('/analytics/summary'),
    ]);

    expect(answers.map((answer) => answer.response.status)).toEqual([403, 403, 403, 403, 403, 403]);
  });

  it('answered everything as openapi.json documents it', () => {
    expect([...ada.observed, ...bob.observed].filter((answer) => answer.violations.length > 0)).toEqual([]);
  });
});

describe('the cross-user checks', () => {
  it('cover every authenticated operation that names something by id or belongs to a user', () => {
    const userScoped = allOperations.filter((operation) => operation.auth !== 'public').map((operation) => operation.operationId);
    const byId = allOperations.filter((operation) => operation.path.includes('{')).map((operation) => operation.operationId);

    const unchecked = [...new Set([...userScoped, ...byId])].filter((id) => ![...checkedHere, ...adminOnly, ...publicById].includes(id));

    expect(unchecked).toEqual([]);
  });
});
