import { cartLimits } from '@shoplane/contracts';
import { problemTypeOf, testProduct } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { cartApi, cartOf, cartsTestbed, fillCart, freshCustomer, newShopper, storedCart, type CartsTestbed } from '../test-support.js';

let bed: CartsTestbed;
let api: ReturnType<typeof cartApi>;
const mug = testProduct({ name: 'Mug', price: { amount: 400, currency: 'USD' } });
const archived = testProduct({ status: 'archived' });
const euroKettle = testProduct({ price: { amount: 2500, currency: 'EUR' } });

beforeAll(async () => {
  bed = await cartsTestbed();
  bed.products.add(mug, archived, euroKettle);
  api = cartApi(bed);
});

const shopper = () => newShopper(api);

describe('PUT /cart/items/{productId}', () => {
  it('replaces the line\'s quantity and answers the repriced cart', async () => {
    const { client } = await shopper();
    await client.add({ productId: mug.productId, quantity: 3 });

    const response = await client.set(mug.productId, { quantity: 7 });

    expect(response.status).toBe(200);
    expect(cartOf(response)).toMatchObject({ items: [{ productId: mug.productId, quantity: 7, lineTotal: { amount: 2800 } }], subtotal: { amount: 2800 } });
  });

  it('removes the line when the quantity is 0', async () => {
    const { client, userId } = await shopper();
    await client.add({ productId: mug.productId, quantity: 3 });

    const response = await client.set(mug.productId, { quantity: 0 });

    expect(cartOf(response).items).toEqual([]);
    expect(await storedCart(bed, userId)).toEqual({ lineCount: 0, lines: [] });
  });

  it('answers the unchanged cart for 0 of a product that is not in it', async () => {
    const { client } = await shopper();

    const response = await client.set(mug.productId, { quantity: 0 });

    expect(response.status).toBe(200);
    expect(cartOf(response).items).toEqual([]);
  });

  it('adds a product that is not yet in the cart', async () => {
    const { client } = await shopper();

    const response = await client.set(mug.productId, { quantity: 2 });

    expect(cartOf(response).items).toMatchObject([{ productId: mug.productId, quantity: 2 }]);
  });

  it('accepts 99, the most one line may hold', async () => {
    const { client } = await shopper();

    const response = await client.set(mug.productId, { quantity: cartLimits.maxQuantity });

    expect(cartOf(response).items).toMatchObject([{ quantity: cartLimits.maxQuantity }]);
  });

  it('answers 404 product-not-found for a well-formed id the catalogue does not know', async () => {
    const { client } = await shopper();

    const response = await client.set('prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', { quantity: 1 });

    expect(response.status).toBe(404);
    expect(problemTypeOf(response.body)).toBe('product-not-found');
  });

  it('answers 422 product-unavailable when raising an archived product\'s line', async () => {
    const { client, userId } = await shopper();
    const soonArchived = testProduct();
    bed.products.add(soonArchived);
    await client.add({ productId: soonArchived.productId, quantity: 1 });
    bed.products.add({ ...soonArchived, status: 'archived' });

    const response = await client.set(soonArchived.productId, { quantity: 5 });

    expect(response.status).toBe(422);
    expect(problemTypeOf(response.body)).toBe('product-unavailable');
    expect((await storedCart(bed, userId)).lines).toMatchObject([{ qty: 1 }]);
  });

  it('lets the customer drop an archived product\'s line by setting 0', async () => {
    const { client } = await shopper();
    const soonArchived = testProduct();
    bed.products.add(soonArchived);
    await client.add({ productId: soonArchived.productId, quantity: 1 });
    bed.products.add({ ...soonArchived, status: 'archived' });

    const response = await client.set(soonArchived.productId, { quantity: 0 });

    expect(cartOf(response).items).toEqual([]);
  });

  it('answers 409 currency-mismatch when adding a product in another currency', async () => {
    const { client } = await shopper();
    await client.add({ productId: mug.productId, quantity: 1 });

    const response = await client.set(euroKettle.productId, { quantity: 1 });

    expect(response.status).toBe(409);
    expect(problemTypeOf(response.body)).toBe('currency-mismatch');
  });

  it('answers 422 cart-full when adding a 51st product', async () => {
    const caller = freshCustomer();
    await fillCart(bed, caller, cartLimits.maxLines);

    const response = await (await api.as(caller)).set(mug.productId, { quantity: 1 });

    expect(response.status).toBe(422);
    expect(problemTypeOf(response.body)).toBe('cart-full');
  });

  it.each([
    ['100', 100],
    ['1.5', 1.5],
    ['-1', -1],
    ['the string "2"', '2'],
    ['null', null],
  ])('answers 422 naming quantity for a quantity of %s', async (_case, quantity) => {
    const { client } = await shopper();

    const response = await client.set(mug.productId, { quantity });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'quantity' }] });
  });

  it('answers 422 naming a field it does not know, and keeps the line as it was', async () => {
    const { client } = await shopper();
    await client.add({ productId: mug.productId, quantity: 2 });

    const response = await client.set(mug.productId, { quantity: 5, giftWrap: true });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'giftWrap', message: 'is not a known field' }] });
    expect(cartOf(await client.get()).items).toMatchObject([{ productId: mug.productId, quantity: 2 }]);
  });

  it('answers 404 for a path that names no product id, before reading any body', async () => {
    const { client } = await shopper();

    const response = await client.set('not-a-product', { quantity: 1 });

    expect(response.status).toBe(404);
  });
});
