import { cartLimits } from '@shoplane/contracts';
import { testProduct } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { cartApi, cartOf, cartsTestbed, fillCart, freshCustomer, storedCart, type CartsTestbed } from '../test-support.js';

let bed: CartsTestbed;
let api: ReturnType<typeof cartApi>;

beforeAll(async () => {
  bed = await cartsTestbed();
  api = cartApi(bed);
});

describe('DELETE /cart/items/{productId}', () => {
  it('removes the line and answers the cart without it', async () => {
    const caller = freshCustomer();
    const [kept, removed] = await fillCart(bed, caller, 2);
    if (!kept || !removed) throw new Error('fillCart made too few products');

    const response = await (await api.as(caller)).remove(removed.productId);

    expect(response.status).toBe(200);
    expect(cartOf(response).items.map((item) => item.productId)).toEqual([kept.productId]);
    expect((await storedCart(bed, caller.userId)).lineCount).toBe(1);
  });

  it('answers 404 cart-item-not-found for a product that is not in the cart', async () => {
    const response = await (await api.as(freshCustomer())).remove('prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V');

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ type: expect.stringContaining('cart-item-not-found') });
  });

  it('answers 404 for a path that names no product id', async () => {
    const response = await (await api.as(freshCustomer())).remove('prd_lowercase-not-ulid');

    expect(response.status).toBe(404);
  });

  it('removes a line whose product the catalogue no longer knows', async () => {
    const caller = freshCustomer();
    const [gone] = await fillCart(bed, caller, 1);
    if (!gone) throw new Error('fillCart made no product');
    bed.products.catalogue.delete(gone.productId);

    const response = await (await api.as(caller)).remove(gone.productId);

    expect(cartOf(response).items).toEqual([]);
  });

  it('frees a place in a full cart for another product', async () => {
    const caller = freshCustomer();
    const [first] = await fillCart(bed, caller, cartLimits.maxLines);
    const client = await api.as(caller);
    const newcomer = testProduct();
    bed.products.add(newcomer);
    await client.remove(first?.productId ?? '');

    const response = await client.add({ productId: newcomer.productId, quantity: 1 });

    expect(response.status).toBe(200);
    expect((await storedCart(bed, caller.userId)).lineCount).toBe(cartLimits.maxLines);
  });

  it('lets exactly one of 10 simultaneous removals of a line succeed, counting it once', async () => {
    const caller = freshCustomer();
    const [contested] = await fillCart(bed, caller, 2);
    const client = await api.as(caller);

    const responses = await Promise.all(Array.from({ length: 10 }, () => client.remove(contested?.productId ?? '')));

    expect(responses.map((response) => response.status).sort()).toEqual([200, ...Array(9).fill(404)]);
    expect(await storedCart(bed, caller.userId)).toMatchObject({ lineCount: 1, lines: [expect.anything()] });
  });
});
