import { createOrder } from '@shoplane/contracts';
import { ServiceUnavailableError } from '@shoplane/lambda-kit';
import { apiEvent, invoke, problemTypeOf, testProduct } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { cartSource, productCatalogue } from '../adapters/catalogue.js';
import { card, freshCustomer, nextKey, orderApi, orderIdOf, ordersTestbed, shopper, type OrdersTestbed } from '../test-support.js';
import { createOrderHandler } from './create-order.js';

let bed: OrdersTestbed;
let api: ReturnType<typeof orderApi>;

beforeAll(async () => {
  bed = await ordersTestbed();
  api = orderApi(bed);
});

const errorsOf = (body: unknown) => (body as { errors: { path: string; message: string }[] }).errors;

describe('POST /orders with items', () => {
  it('stores the order CREATED at the catalogue\'s prices and answers 201 with its id, status and Location', async () => {
    const { client, caller, product: mug } = await shopper(bed, api, { name: 'Mug', price: { amount: 1299, currency: 'USD' } });
    const kettle = testProduct({ name: 'Kettle', price: { amount: 3450, currency: 'USD' } });
    bed.products.add(kettle);

    const response = await client.create({ items: [{ productId: mug.productId, quantity: 3 }, { productId: kettle.productId, quantity: 1 }], payment: card });

    expect(response.status).toBe(201);
    const orderId = orderIdOf(response);
    expect(response.body).toEqual({ orderId: expect.stringMatching(/^ord_[0-9A-Z]{26}$/), status: 'CREATED' });
    expect(response.headers['location']).toBe(`/orders/${orderId}`);
    expect(await bed.orders.find(orderId)).toMatchObject({
      userId: caller.userId,
      status: 'CREATED',
      lines: [
        { productId: mug.productId, name: 'Mug', unitPrice: { amount: 1299, currency: 'USD' }, quantity: 3, lineTotal: { amount: 3897, currency: 'USD' } },
        { productId: kettle.productId, name: 'Kettle', unitPrice: { amount: 3450, currency: 'USD' }, quantity: 1, lineTotal: { amount: 3450, currency: 'USD' } },
      ],
      total: { amount: 7347, currency: 'USD' },
      payment: { method: 'CARD', token: 'tok_visa' },
      statusHistory: [{ status: 'CREATED', at: expect.any(String) }],
    });
  });

  it('keeps the shipping address and a UPI payment', async () => {
    const { client, product } = await shopper(bed, api);
    const shippingAddress = { name: 'Ada Lovelace', line1: '12 St James\'s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

    const response = await client.create({ items: [{ productId: product.productId, quantity: 1 }], payment: { method: 'UPI', token: 'success@razorpay' }, shippingAddress });

    expect(await bed.orders.find(orderIdOf(response))).toMatchObject({ shippingAddress, payment: { method: 'UPI', token: 'success@razorpay' } });
  });

  it('refuses prices, totals and user ids the client sends, naming each, and stores nothing', async () => {
    const { client, caller, product } = await shopper(bed, api, { price: { amount: 5000, currency: 'USD' } });

    const response = await client.create({
      items: [{ productId: product.productId, quantity: 1, price: { amount: 1, currency: 'USD' } }],
      total: { amount: 1, currency: 'USD' },
      userId: freshCustomer().userId,
      payment: card,
    });

    expect(response.status).toBe(422);
    expect(errorsOf(response.body).map((error) => error.path).sort()).toEqual(['items.0.price', 'total', 'userId']);
    expect(await bed.orderCount(caller.userId)).toBe(0);
  });

  it('writes OrderCreated with the lines, total and payment method, never the token, in the order\'s transaction', async () => {
    const caller = freshCustomer();
    const product = testProduct({ name: 'Lamp', price: { amount: 2500, currency: 'EUR' } });
    bed.products.add(product);

    const response = await invoke(
      createOrderHandler(bed.deps, bed.idempotency, bed.verifier),
      apiEvent(createOrder, { token: await bed.tokenFor(caller), body: { items: [{ productId: product.productId, quantity: 2 }], payment: card }, headers: { 'idempotency-key': 'created-event-0001', 'x-correlation-id': 'corr-order-1' } }),
    );

    const orderId = orderIdOf(response);
    const events = await bed.eventsOf(orderId);
    expect(events).toEqual([
      {
        eventId: expect.stringMatching(/^evt_/),
        eventType: 'OrderCreated',
        source: 'shoplane.orders',
        occurredAt: expect.any(String),
        correlationId: 'corr-order-1',
        data: {
          orderId,
          userId: caller.userId,
          lines: [{ productId: product.productId, name: 'Lamp', unitPrice: { amount: 2500, currency: 'EUR' }, quantity: 2, lineTotal: { amount: 5000, currency: 'EUR' } }],
          total: { amount: 5000, currency: 'EUR' },
          paymentMethod: 'CARD',
        },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('tok_visa');
  });

  it('answers 422 products-unavailable naming each unknown or archived line, and stores nothing', async () => {
    const { client, caller, product } = await shopper(bed, api);
    const archived = testProduct({ status: 'archived' });
    bed.products.add(archived);

    const response = await client.create({
      items: [{ productId: product.productId, quantity: 1 }, { productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', quantity: 1 }, { productId: archived.productId, quantity: 1 }],
      payment: card,
    });

    expect(response.status).toBe(422);
    expect(problemTypeOf(response.body)).toBe('products-unavailable');
    expect(errorsOf(response.body)).toEqual([
      { path: 'items.1.productId', message: 'names no product' },
      { path: 'items.2.productId', message: 'is no longer sold' },
    ]);
    expect(await bed.orderCount(caller.userId)).toBe(0);
  });

  it('answers 422 mixed-currencies for lines priced in two currencies', async () => {
    const { client, product } = await shopper(bed, api, { price: { amount: 100, currency: 'USD' } });
    const euros = testProduct({ price: { amount: 100, currency: 'EUR' } });
    bed.products.add(euros);

    const response = await client.create({ items: [{ productId: product.productId, quantity: 1 }, { productId: euros.productId, quantity: 1 }], payment: card });

    expect(response.status).toBe(422);
    expect(problemTypeOf(response.body)).toBe('mixed-currencies');
    expect(errorsOf(response.body)).toEqual([{ path: 'items.1.productId', message: 'is priced in EUR, not USD' }]);
  });

  it('answers 409 insufficient-stock naming each line that asks for more than is available now', async () => {
    const { client, caller, product: plenty } = await shopper(bed, api, { availableStock: 10 });
    const scarce = testProduct({ availableStock: 2 });
    const soldOut = testProduct({ availableStock: 0, inStock: false });
    bed.products.add(scarce, soldOut);

    const response = await client.create({
      items: [{ productId: plenty.productId, quantity: 10 }, { productId: scarce.productId, quantity: 3 }, { productId: soldOut.productId, quantity: 1 }],
      payment: card,
    });

    expect(response.status).toBe(409);
    expect(problemTypeOf(response.body)).toBe('insufficient-stock');
    expect(errorsOf(response.body)).toEqual([
      { path: 'items.1.quantity', message: 'only 2 available' },
      { path: 'items.2.quantity', message: 'is out of stock' },
    ]);
    expect(await bed.orderCount(caller.userId)).toBe(0);
  });

  it('prices all lines with one catalogue call', async () => {
    const { client } = await shopper(bed, api);
    const products = Array.from({ length: 50 }, () => testProduct());
    bed.products.add(...products);
    const before = bed.products.calls.length;

    const response = await client.create({ items: products.map((product) => ({ productId: product.productId, quantity: 1 })), payment: card });

    expect(response.status).toBe(201);
    expect(bed.products.calls.length - before).toBe(1);
  });

  it('answers 503 and stores nothing when products cannot be reached', async () => {
    const caller = freshCustomer();
    const unreachable = orderApi({
      ...bed,
      deps: () => ({ ...bed.deps(), catalogue: { productsByIds: () => Promise.reject(new ServiceUnavailableError('products could not be reached; try again.')) } }),
    });

    const response = await (await unreachable.as(caller)).create({ items: [{ productId: testProduct().productId, quantity: 1 }], payment: card });

    expect(response.status).toBe(503);
    expect(await bed.orderCount(caller.userId)).toBe(0);
  });
});

describe('POST /orders without items', () => {
  it('orders the caller\'s cart as carts reports it, leaving the cart to carts', async () => {
    const { client, caller, product: mug } = await shopper(bed, api, { price: { amount: 1000, currency: 'USD' } });
    const kettle = testProduct({ price: { amount: 2000, currency: 'USD' } });
    bed.products.add(kettle);
    bed.cart.carts.set(caller.userId, [{ productId: mug.productId, quantity: 2 }, { productId: kettle.productId, quantity: 1 }]);

    const response = await client.create({ payment: card });

    expect(response.status).toBe(201);
    expect(await bed.orders.find(orderIdOf(response))).toMatchObject({
      lines: [{ productId: mug.productId, quantity: 2 }, { productId: kettle.productId, quantity: 1 }],
      total: { amount: 4000, currency: 'USD' },
    });
    expect(bed.cart.carts.get(caller.userId)).toHaveLength(2);
  });

  it('answers 422 empty-order for an empty cart', async () => {
    const { client, caller } = await shopper(bed, api);

    const response = await client.create({ payment: card });

    expect(response.status).toBe(422);
    expect(problemTypeOf(response.body)).toBe('empty-order');
    expect(await bed.orderCount(caller.userId)).toBe(0);
  });

  it('names a cart line whose product is archived at cart.items.N.productId', async () => {
    const { client, caller, product } = await shopper(bed, api);
    const archived = testProduct({ status: 'archived' });
    bed.products.add(archived);
    bed.cart.carts.set(caller.userId, [{ productId: product.productId, quantity: 1 }, { productId: archived.productId, quantity: 1 }]);

    const response = await client.create({ payment: card });

    expect(response.status).toBe(422);
    expect(errorsOf(response.body)).toEqual([{ path: 'cart.items.1.productId', message: 'is no longer sold' }]);
  });

  it('asks carts and products with the request\'s correlation id', async () => {
    const caller = freshCustomer();
    const product = testProduct();
    const calls: unknown[] = [];
    const deps = () => ({
      ...bed.deps(),
      cart: cartSource({ call: async (_input, call) => (calls.push(['getCartLines', call]), { lines: [{ productId: product.productId, quantity: 1 }], currency: 'USD' as const }) }),
      catalogue: productCatalogue({ call: async (_input, call) => (calls.push(['getProductsByIds', call]), { products: [product], missing: [] }) }),
    });
    const token = await bed.tokenFor(caller);

    const response = await invoke(
      createOrderHandler(deps, bed.idempotency, bed.verifier),
      apiEvent(createOrder, { token, body: { payment: card }, headers: { 'idempotency-key': nextKey(), 'x-correlation-id': 'corr-from-client' } }),
    );

    expect(response.status).toBe(201);
    expect(calls).toEqual([
      ['getCartLines', { correlationId: 'corr-from-client' }],
      ['getProductsByIds', { correlationId: 'corr-from-client' }],
    ]);
  });

  it('answers 503 when carts cannot be reached', async () => {
    const caller = freshCustomer();
    const unreachable = orderApi({
      ...bed,
      deps: () => ({ ...bed.deps(), cart: cartSource({ call: () => Promise.reject(new ServiceUnavailableError('carts could not be reached; try again.')) }) }),
    });

    const response = await (await unreachable.as(caller)).create({ payment: card });

    expect(response.status).toBe(503);
  });
});

describe('POST /orders validation', () => {
  it.each([
    ['no payment', { items: [{ productId: testProduct().productId, quantity: 1 }] }, ['payment']],
    ['an empty item list', { items: [], payment: card }, ['items']],
    ['a decimal quantity', { items: [{ productId: testProduct().productId, quantity: 1.5 }], payment: card }, ['items.0.quantity']],
    ['a quantity over 99', { items: [{ productId: testProduct().productId, quantity: 100 }], payment: card }, ['items.0.quantity']],
    ['a UPI payment with a card token', { payment: { method: 'UPI', token: 'tok_visa' } }, ['payment.token']],
  ])('answers 422 naming the field for %s', async (_case, body, paths) => {
    const { client, caller } = await shopper(bed, api);

    const response = await client.create(body);

    expect(response.status).toBe(422);
    expect(errorsOf(response.body).map((error) => error.path)).toEqual(paths);
    expect(await bed.orderCount(caller.userId)).toBe(0);
  });

  it.each([
    ['the order', { payment: card, giftMessage: 'Happy birthday' }, 'giftMessage'],
    ['a line', { items: [{ productId: testProduct().productId, quantity: 1, colour: 'red' }], payment: card }, 'items.0.colour'],
    ['the payment', { payment: { ...card, cvv: '123' } }, 'payment.cvv'],
    ['the shipping address', { payment: card, shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'London', postalCode: 'N1', country: 'GB', zip: 'N1' } }, 'shippingAddress.zip'],
  ])('answers 422 "is not a known field" for an unknown field in %s, at its path, and stores nothing', async (_case, body, path) => {
    const { client, caller } = await shopper(bed, api);

    const response = await client.create(body);

    expect(response.status).toBe(422);
    expect(errorsOf(response.body)).toEqual([{ path, message: 'is not a known field' }]);
    expect(await bed.orderCount(caller.userId)).toBe(0);
  });
});
