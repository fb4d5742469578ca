import { testProduct } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoCartRepository } from '../adapters/cart-repository.js';
import { productCatalogue } from '../adapters/product-catalogue.js';
import { unknownProductName } from '../domain/pricing.js';
import { cartApi, cartOf, cartsTestbed, countingDocumentClient, fillCart, freshCustomer, type CartsTestbed } from '../test-support.js';

let bed: CartsTestbed;
let api: ReturnType<typeof cartApi>;

beforeAll(async () => {
  bed = await cartsTestbed();
  api = cartApi(bed);
});

describe('GET /cart', () => {
  it('answers an empty cart as no items at 0 USD, without asking products', async () => {
    const callsBefore = bed.products.calls.length;

    const response = await (await api.as(freshCustomer())).get();

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [], subtotal: { amount: 0, currency: 'USD' }, currency: 'USD' });
    expect(bed.products.calls.length).toBe(callsBefore);
  });

  it('is private to the caller and never cached', async () => {
    const response = await (await api.as(freshCustomer())).get();

    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('reads a 30-line cart with exactly one DynamoDB Query and one products call', async () => {
    const caller = freshCustomer();
    const products = await fillCart(bed, caller, 30);
    const counting = countingDocumentClient();
    const countingApi = cartApi(bed, () => ({ carts: dynamoCartRepository(counting.documents, bed.table.name), catalogue: productCatalogue(bed.products) }));
    const callsBefore = bed.products.calls.length;

    const response = await (await countingApi.as(caller)).get();

    expect(cartOf(response).items).toHaveLength(30);
    expect(counting.commands).toEqual(['QueryCommand']);
    expect(bed.products.calls.slice(callsBefore)).toEqual([expect.arrayContaining(products.map((product) => product.productId))]);
  });

  it('prices every line from the catalogue as it is now', async () => {
    const caller = freshCustomer();
    const [product] = await fillCart(bed, caller, 1, { price: { amount: 1000, currency: 'USD' } });
    if (!product) throw new Error('fillCart made no product');
    bed.products.add({ ...product, price: { amount: 1250, currency: 'USD' } });

    const cart = cartOf(await (await api.as(caller)).get());

    expect(cart.items[0]).toMatchObject({ price: { amount: 1250, currency: 'USD' }, lineTotal: { amount: 1250, currency: 'USD' } });
    expect(cart.subtotal).toEqual({ amount: 1250, currency: 'USD' });
  });

  it('keeps a line whose product was archived, flagged unavailable and out of the subtotal', async () => {
    const caller = freshCustomer();
    const [kept, retired] = await fillCart(bed, caller, 2, { price: { amount: 700, currency: 'USD' } });
    if (!kept || !retired) throw new Error('fillCart made too few products');
    bed.products.add({ ...retired, name: 'Retired lamp', status: 'archived' });

    const cart = cartOf(await (await api.as(caller)).get());

    expect(cart.items).toHaveLength(2);
    expect(cart.items.find((item) => item.productId === retired.productId)).toMatchObject({ name: 'Retired lamp', available: false });
    expect(cart.items.find((item) => item.productId === kept.productId)).toMatchObject({ available: true });
    expect(cart.subtotal).toEqual({ amount: 700, currency: 'USD' });
  });

  it('keeps a line whose product the catalogue no longer has, as an unavailable product at 0', async () => {
    const caller = freshCustomer();
    const [gone] = await fillCart(bed, caller, 1);
    if (!gone) throw new Error('fillCart made no product');
    bed.products.catalogue.delete(gone.productId);

    const cart = cartOf(await (await api.as(caller)).get());

    expect(cart.items).toEqual([
      { productId: gone.productId, name: unknownProductName, quantity: 1, price: { amount: 0, currency: 'USD' }, lineTotal: { amount: 0, currency: 'USD' }, available: false },
    ]);
  });

  it('flags a line unavailable when fewer units are in stock than it holds', async () => {
    const caller = freshCustomer();
    const scarce = testProduct({ availableStock: 2 });
    bed.products.add(scarce);
    const client = await api.as(caller);

    const response = await client.add({ productId: scarce.productId, quantity: 3 });

    expect(cartOf(response).items).toMatchObject([{ productId: scarce.productId, quantity: 3, available: false }]);
    expect(cartOf(response).subtotal.amount).toBe(0);
  });
});
