import { cartLimits } from '@shoplane/contracts';
import { ServiceUnavailableError } from '@shoplane/lambda-kit';
import { problemTypeOf, testProduct } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { cartApi, cartOf, cartsTestbed, fillCart, freshCustomer, newShopper, storedCart, type CartsTestbed } from '../test-support.js';

let bed: CartsTestbed;
let api: ReturnType<typeof cartApi>;
const mug = testProduct({ name: 'Mug', price: { amount: 1299, currency: 'USD' } });
const archived = testProduct({ name: 'Old lamp', status: 'archived' });
const euroKettle = testProduct({ name: 'Kettle', price: { amount: 2500, currency: 'EUR' } });

beforeAll(async () => {
  bed = await cartsTestbed();
  bed.products.add(mug, archived, euroKettle);
  api = cartApi(bed);
});

const shopper = () => newShopper(api);

describe('POST /cart/items', () => {
  it('creates the line and answers the cart priced from the catalogue', async () => {
    const { client } = await shopper();

    const response = await client.add({ productId: mug.productId, quantity: 2 });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [{ productId: mug.productId, name: 'Mug', quantity: 2, price: { amount: 1299, currency: 'USD' }, lineTotal: { amount: 2598, currency: 'USD' }, available: true }],
      subtotal: { amount: 2598, currency: 'USD' },
      currency: 'USD',
    });
  });

  it('adds to the quantity of a line already in the cart', async () => {
    const { client } = await shopper();
    await client.add({ productId: mug.productId, quantity: 2 });

    const response = await client.add({ productId: mug.productId, quantity: 3 });

    expect(cartOf(response).items).toMatchObject([{ productId: mug.productId, quantity: 5 }]);
  });

  it('stores what and how many, never a price', async () => {
    const { client, userId } = await shopper();

    await client.add({ productId: mug.productId, quantity: 1 });

    const [line] = (await storedCart(bed, userId)).lines;
    expect(Object.keys(line ?? {}).sort()).toEqual(['PK', 'SK', 'addedAt', 'currency', 'productId', 'qty', 'updatedAt']);
  });

  it('answers 404 product-not-found for a well-formed id the catalogue does not know', async () => {
    const { client } = await shopper();

    const response = await client.add({ productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', quantity: 1 });

    expect(response.status).toBe(404);
    expect(problemTypeOf(response.body)).toBe('product-not-found');
  });

  it('answers 422 product-unavailable for an archived product and leaves the cart empty', async () => {
    const { client, userId } = await shopper();

    const response = await client.add({ productId: archived.productId, quantity: 1 });

    expect(response.status).toBe(422);
    expect(problemTypeOf(response.body)).toBe('product-unavailable');
    expect(await storedCart(bed, userId)).toEqual({ lineCount: 0, lines: [] });
  });

  it('accepts a line of exactly 99 units', async () => {
    const { client } = await shopper();
    await client.add({ productId: mug.productId, quantity: 90 });

    const response = await client.add({ productId: mug.productId, quantity: 9 });

    expect(cartOf(response).items).toMatchObject([{ quantity: cartLimits.maxQuantity }]);
  });

  it('answers 422 quantity-limit-exceeded when the line would pass 99, and keeps the line as it was', async () => {
    const { client } = await shopper();
    await client.add({ productId: mug.productId, quantity: 95 });

    const response = await client.add({ productId: mug.productId, quantity: 5 });

    expect(response.status).toBe(422);
    expect(problemTypeOf(response.body)).toBe('quantity-limit-exceeded');
    expect(cartOf(await client.get()).items).toMatchObject([{ quantity: 95 }]);
  });

  it('answers 422 cart-full for a 51st product', async () => {
    const caller = freshCustomer();
    await fillCart(bed, caller, cartLimits.maxLines);

    const response = await (await api.as(caller)).add({ productId: mug.productId, quantity: 1 });

    expect(response.status).toBe(422);
    expect(problemTypeOf(response.body)).toBe('cart-full');
    expect((await storedCart(bed, caller.userId)).lines).toHaveLength(cartLimits.maxLines);
  });

  it('still adds units to a line already in a full cart', async () => {
    const caller = freshCustomer();
    const [first] = await fillCart(bed, caller, cartLimits.maxLines);

    const response = await (await api.as(caller)).add({ productId: first?.productId, quantity: 4 });

    expect(response.status).toBe(200);
    expect(cartOf(response).items.find((item) => item.productId === first?.productId)?.quantity).toBe(5);
  });

  it('answers 409 currency-mismatch for a product sold in another currency than the cart\'s lines', async () => {
    const { client, userId } = await shopper();
    await client.add({ productId: mug.productId, quantity: 1 });

    const response = await client.add({ productId: euroKettle.productId, quantity: 1 });

    expect(response.status).toBe(409);
    expect(problemTypeOf(response.body)).toBe('currency-mismatch');
    expect((await storedCart(bed, userId)).lines).toHaveLength(1);
  });

  it('lets an emptied cart take a product in another currency', async () => {
    const { client } = await shopper();
    await client.add({ productId: mug.productId, quantity: 1 });
    await client.remove(mug.productId);

    const response = await client.add({ productId: euroKettle.productId, quantity: 1 });

    expect(response.status).toBe(200);
    expect(cartOf(response)).toMatchObject({ currency: 'EUR', subtotal: { amount: 2500, currency: 'EUR' } });
  });

  it('answers 503 and changes nothing when products cannot be reached', async () => {
    const caller = freshCustomer();
    const unreachable = cartApi(bed, () => ({
      ...bed.deps(),
      catalogue: { productsByIds: () => Promise.reject(new ServiceUnavailableError('products could not be reached; try again.')) },
    }));

    const response = await (await unreachable.as(caller)).add({ productId: mug.productId, quantity: 1 });

    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect((await storedCart(bed, caller.userId)).lines).toEqual([]);
  });
});

describe('POST /cart/items validation', () => {
  it.each([
    ['a missing productId', { quantity: 1 }, 'productId'],
    ['a productId without the prd_ prefix', { productId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V', quantity: 1 }, 'productId'],
    ['a productId that is not a ULID', { productId: 'prd_123', quantity: 1 }, 'productId'],
    ['a numeric productId', { productId: 42, quantity: 1 }, 'productId'],
    ['a missing quantity', { productId: mug.productId }, 'quantity'],
    ['a quantity of 0', { productId: mug.productId, quantity: 0 }, 'quantity'],
    ['a quantity of 100', { productId: mug.productId, quantity: 100 }, 'quantity'],
    ['a quantity of 1.5', { productId: mug.productId, quantity: 1.5 }, 'quantity'],
    ['a quantity of -1', { productId: mug.productId, quantity: -1 }, 'quantity'],
    ['a quantity sent as the string "2"', { productId: mug.productId, quantity: '2' }, 'quantity'],
    ['a null quantity', { productId: mug.productId, quantity: null }, 'quantity'],
  ])('answers 422 naming the field for %s', async (_case, body, field) => {
    const { client, userId } = await shopper();

    const response = await client.add(body);

    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect((response.body as { errors: { path: string }[] }).errors.map((error) => error.path)).toEqual([field]);
    expect((await storedCart(bed, userId)).lines).toEqual([]);
  });

  it('answers 422 for a request without a body', async () => {
    const { client } = await shopper();

    const response = await client.add(undefined);

    expect(response.status).toBe(422);
  });

  it('answers 422 naming a field it does not know, and leaves the cart empty', async () => {
    const { client, userId } = await shopper();

    const response = await client.add({ productId: mug.productId, quantity: 1, colour: 'red' });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'colour', message: 'is not a known field' }] });
    expect((await storedCart(bed, userId)).lines).toEqual([]);
  });

  it('names every unknown field, each at its own path', async () => {
    const { client } = await shopper();

    const response = await client.add({ productId: mug.productId, quantity: 1, qty: 1, colour: 'red' });

    const paths = (response.body as { errors: { path: string }[] }).errors.map((error) => error.path);
    expect(paths.sort()).toEqual(['colour', 'qty']);
  });
});

describe('POST /cart/items under concurrency', () => {
  it('lets 20 simultaneous adds of 5 units fill one line to 95, refusing only the one that would pass 99', async () => {
    const { client, userId } = await shopper();

    const responses = await Promise.all(Array.from({ length: 20 }, () => client.add({ productId: mug.productId, quantity: 5 })));

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(19);
    expect(statuses.filter((status) => status === 422)).toHaveLength(1);
    expect((await storedCart(bed, userId)).lines).toMatchObject([{ qty: 95 }]);
  });

  it('lets exactly 10 of 20 simultaneous new products into a cart of 40 lines, and counts 50', async () => {
    const caller = freshCustomer();
    await fillCart(bed, caller, 40);
    const newcomers = Array.from({ length: 20 }, () => testProduct());
    bed.products.add(...newcomers);
    const client = await api.as(caller);

    const responses = await Promise.all(newcomers.map((product) => client.add({ productId: product.productId, quantity: 1 })));

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(responses.filter((response) => response.status === 422).map((response) => problemTypeOf(response.body))).toEqual(Array(10).fill('cart-full'));
    const stored = await storedCart(bed, caller.userId);
    expect(stored.lines).toHaveLength(cartLimits.maxLines);
    expect(stored.lineCount).toBe(cartLimits.maxLines);
  });

  it('keeps one currency when products in two currencies are added to an empty cart at once', async () => {
    const { client, userId } = await shopper();
    const dollars = Array.from({ length: 5 }, () => testProduct({ price: { amount: 100, currency: 'USD' } }));
    const euros = Array.from({ length: 5 }, () => testProduct({ price: { amount: 100, currency: 'EUR' } }));
    bed.products.add(...dollars, ...euros);

    const responses = await Promise.all([...dollars, ...euros].map((product) => client.add({ productId: product.productId, quantity: 1 })));

    expect(responses.every((response) => response.status === 200 || response.status === 409)).toBe(true);
    const currencies = new Set((await storedCart(bed, userId)).lines.map((line) => line['currency']));
    expect(currencies.size).toBe(1);
  });
});
