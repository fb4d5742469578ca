import { describe, expect, it } from 'vitest';
import { domainEvents } from './events.js';
import { allOperations } from './index.js';
import { buildOpenApiDocument } from './openapi.js';
import { CreateOrderRequest, createOrder } from './orders.js';

const productId = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V';
const otherProductId = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7W';
const card = { method: 'CARD', token: 'tok_visa' };

const issuesOf = (input: unknown) => CreateOrderRequest.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('CreateOrderRequest', () => {
  it('accepts a payment alone: the cart is ordered', () => {
    expect(CreateOrderRequest.parse({ payment: card })).toEqual({ payment: card });
  });

  it('accepts items, a UPI address and a shipping address', () => {
    const request = {
      items: [{ productId, quantity: 2 }],
      payment: { method: 'UPI', token: 'success@razorpay' },
      shippingAddress: { name: 'Ada', line1: '1 Analytical Way', city: 'London', postalCode: 'N1 9GU', country: 'GB' },
    };

    expect(CreateOrderRequest.parse(request)).toEqual(request);
  });

  it.each([
    ['no payment', { items: [{ productId, quantity: 1 }] }, 'payment'],
    ['an empty item list', { items: [], payment: card }, 'items'],
    ['a product twice', { items: [{ productId, quantity: 1 }, { productId, quantity: 2 }], payment: card }, 'items'],
    ['a quantity of 0', { items: [{ productId, quantity: 0 }], payment: card }, 'items.0.quantity'],
    ['a decimal quantity', { items: [{ productId: otherProductId, quantity: 1.5 }], payment: card }, 'items.0.quantity'],
    ['a malformed product id', { items: [{ productId: 'prd_1', quantity: 1 }], payment: card }, 'items.0.productId'],
    ['an unknown method', { payment: { method: 'CASH', token: 'tok_visa' } }, 'payment.method'],
    ['a UPI payment without a UPI address', { payment: { method: 'UPI', token: 'tok_visa' } }, 'payment.token'],
    ['a card payment with a UPI address', { payment: { method: 'CARD', token: 'success@razorpay' } }, 'payment.token'],
    ['a token with spaces', { payment: { method: 'CARD', token: 'tok visa' } }, 'payment.token'],
    ['a country that is not a code', { payment: card, shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: 'D', country: 'Britain' } }, 'shippingAddress.country'],
  ])('rejects %s at %s', (_case, input, path) => {
    expect(issuesOf(input)).toContain(path);
  });

  it('accepts at most 50 lines', () => {
    const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const lines = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ productId: `prd_01JD8Z4M6Q5J3K2N1P0R9S8T${crockford[Math.floor(index / 32)]}${crockford[index % 32]}`, quantity: 1 }));

    expect(CreateOrderRequest.safeParse({ items: lines(50), payment: card }).success).toBe(true);
    expect(issuesOf({ items: lines(51), payment: card })).toContain('items');
  });
});

describe('the orders contract in OpenAPI', () => {
  const document = buildOpenApiDocument(allOperations, { version: '1.0.0' });

  it('marks the Idempotency-Key header of POST /orders required and that of POST /products optional', () => {
    const headerOf = (path: string) =>
      (document.paths?.[path]?.post?.parameters ?? []).find((parameter) => 'name' in parameter && parameter.name === 'Idempotency-Key');

    expect(headerOf('/orders')).toMatchObject({ in: 'header', required: true });
    expect(headerOf('/products')).toMatchObject({ in: 'header' });
    expect(headerOf('/products')).not.toHaveProperty('required', true);
  });

  it('documents the first answer (201) and the replay (200) of createOrder', () => {
    expect(Object.keys(createOrder.responses).sort()).toEqual(['200', '201']);
    expect(Object.keys(document.paths?.['/orders']?.post?.responses ?? {})).toEqual(expect.arrayContaining(['200', '201', '409', '422']));
  });

  it('lists the order events in the event catalogue', () => {
    expect(Object.keys(domainEvents)).toEqual(expect.arrayContaining(['OrderCreated', 'OrderConfirmed', 'OrderFailed', 'OrderCancelled']));
  });
});
