import { admin, type ParsedResponse, testProduct } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { cartApi, cartOf, cartsTestbed, freshCustomer, storedCart, type CartClient, type CartsTestbed } from '../test-support.js';

let bed: CartsTestbed;
let api: ReturnType<typeof cartApi>;
const mug = testProduct({ name: 'Mug' });
const kettle = testProduct({ name: 'Kettle' });

beforeAll(async () => {
  bed = await cartsTestbed();
  bed.products.add(mug, kettle);
  api = cartApi(bed);
});

type Route = [name: string, call: (client: CartClient) => Promise<ParsedResponse>, okStatus: number];

const routes: Route[] = [
  ['GET /cart', (client) => client.get(), 200],
  ['POST /cart/items', (client) => client.add({ productId: mug.productId, quantity: 1 }), 200],
  ['PUT /cart/items/{productId}', (client) => client.set(mug.productId, { quantity: 2 }), 200],
  [
    'DELETE /cart/items/{productId}',
    async (client) => {
      await client.add({ productId: mug.productId, quantity: 1 });
      return client.remove(mug.productId);
    },
    200,
  ],
  ['DELETE /cart', (client) => client.clear(), 204],
];

describe('who may use the cart routes', () => {
  it.each(routes)('%s answers 401 problem+json without a token', async (_route, call) => {
    const response = await call(api.anonymous);

    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it.each(routes)('%s serves a customer', async (_route, call, okStatus) => {
    const response = await call(await api.as(freshCustomer()));

    expect(response.status).toBe(okStatus);
  });

  it.each(routes)('%s serves an admin as a shopper with a cart of their own', async (_route, call, okStatus) => {
    const response = await call(await api.as(admin));

    expect(response.status).toBe(okStatus);
  });
});

/** Two customers with empty carts, each with their own token. */
async function twoShoppers() {
  const alice = freshCustomer();
  const bob = freshCustomer();
  return { alice: await api.as(alice), bob: await api.as(bob), aliceId: alice.userId, bobId: bob.userId };
}

describe('one customer\'s cart is invisible and untouchable to another', () => {
  it('shows another customer an empty cart of their own', async () => {
    const { alice, bob } = await twoShoppers();
    await alice.add({ productId: mug.productId, quantity: 3 });

    const response = await bob.get();

    expect(cartOf(response).items).toEqual([]);
  });

  it('answers 404 when another customer removes a product that is only in this cart, and keeps the line', async () => {
    const { alice, bob } = await twoShoppers();
    await alice.add({ productId: kettle.productId, quantity: 1 });

    const response = await bob.remove(kettle.productId);

    expect(response.status).toBe(404);
    expect(cartOf(await alice.get()).items).toMatchObject([{ productId: kettle.productId, quantity: 1 }]);
  });

  it('sets another customer\'s quantity in their own cart, never in this one', async () => {
    const { alice, bob } = await twoShoppers();
    await alice.set(mug.productId, { quantity: 4 });

    await bob.set(mug.productId, { quantity: 9 });

    expect(cartOf(await alice.get()).items).toMatchObject([{ productId: mug.productId, quantity: 4 }]);
    expect(cartOf(await bob.get()).items).toMatchObject([{ productId: mug.productId, quantity: 9 }]);
  });

  it('lets another customer add to their own cart only', async () => {
    const { alice, bob } = await twoShoppers();
    await alice.add({ productId: mug.productId, quantity: 2 });

    await bob.add({ productId: mug.productId, quantity: 5 });

    expect(cartOf(await alice.get()).items).toMatchObject([{ productId: mug.productId, quantity: 2 }]);
  });

  it('empties only the caller\'s own cart', async () => {
    const { alice, bob } = await twoShoppers();
    await alice.add({ productId: mug.productId, quantity: 1 });

    await bob.clear();

    expect(cartOf(await alice.get()).items).toHaveLength(1);
  });

  it('takes the cart from the token only: a userId sent in the body is refused (422) and neither cart changes', async () => {
    const { alice, bob, aliceId, bobId } = await twoShoppers();

    const response = await bob.add({ productId: kettle.productId, quantity: 1, userId: aliceId });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'userId', message: 'is not a known field' }] });
    expect((await storedCart(bed, bobId)).lines).toEqual([]);
    expect(cartOf(await alice.get()).items).toEqual([]);
  });
});
