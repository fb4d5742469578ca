import { beforeAll, describe, expect, it } from 'vitest';
import { card, checkoutSteps, orderApi, ordersTestbed, placedOrder, shopper, type OrdersTestbed } from '../test-support.js';

let bed: OrdersTestbed;
let api: ReturnType<typeof orderApi>;
let steps: ReturnType<typeof checkoutSteps>;

beforeAll(async () => {
  bed = await ordersTestbed();
  api = orderApi(bed);
  steps = checkoutSteps(bed);
});

const paymentId = 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V';
const missingOrder = 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V';

/** A placed order of 2 units at 1299 USD, with its customer. */
async function newOrder() {
  const { client, caller, product } = await shopper(bed, api, { price: { amount: 1299, currency: 'USD' } });
  return { orderId: await placedOrder(client, product.productId), caller, product, client };
}

const eventsOfType = async (orderId: string, eventType: string) => (await bed.eventsOf(orderId)).filter((event) => event.eventType === eventType);
const refusal = (status: number, type: string) => ({ ok: false, problem: { status, type: expect.stringContaining(type) } });

describe('validateOrder', () => {
  it('answers a CREATED order as checkout charges it: lines, total, payment method and token', async () => {
    const { orderId, caller, product } = await newOrder();

    const answer = await steps.validate({ orderId });

    expect(answer).toEqual({
      ok: true,
      result: { orderId, userId: caller.userId, lines: [{ productId: product.productId, quantity: 2 }], total: { amount: 2598, currency: 'USD' }, payment: card },
    });
  });

  it('changes nothing, so it is safe to repeat', async () => {
    const { orderId } = await newOrder();
    const before = await bed.orders.find(orderId);

    await steps.validate({ orderId });
    await steps.validate({ orderId });

    expect(await bed.orders.find(orderId)).toEqual(before);
  });

  it('refuses an order that is cancelled with 409 order-not-payable', async () => {
    const { orderId, client } = await newOrder();
    await client.cancel(orderId);

    expect(await steps.validate({ orderId })).toMatchObject(refusal(409, 'order-not-payable'));
  });

  it('answers an order already being paid, so a checkout run again for it resumes', async () => {
    const { orderId } = await newOrder();
    await steps.begin({ orderId });

    expect(await steps.validate({ orderId })).toMatchObject({ ok: true, result: { orderId } });
  });

  it('answers 404 order-not-found for an unknown order and 422 for a malformed id', async () => {
    expect(await steps.validate({ orderId: missingOrder })).toMatchObject(refusal(404, 'order-not-found'));
    expect(await steps.validate({ orderId: 'ord_1' })).toMatchObject(refusal(422, 'validation-failed'));
  });
});

describe('beginPayment', () => {
  it('moves a CREATED order to PAYMENT_PENDING, and answers the same when repeated', async () => {
    const { orderId } = await newOrder();

    const first = await steps.begin({ orderId });
    const again = await steps.begin({ orderId });

    expect(first).toEqual({ ok: true, result: { orderId, status: 'PAYMENT_PENDING' } });
    expect(again).toEqual(first);
    expect((await bed.orders.find(orderId))?.statusHistory.map((change) => change.status)).toEqual(['CREATED', 'PAYMENT_PENDING']);
  });

  it('refuses with 409 order-cancelled when the customer cancelled first', async () => {
    const { orderId, client } = await newOrder();
    await client.cancel(orderId);

    expect(await steps.begin({ orderId })).toMatchObject(refusal(409, 'order-cancelled'));
    expect((await bed.orders.find(orderId))?.status).toBe('CANCELLED');
  });

  it('refuses a failed order with 409 order-not-payable', async () => {
    const { orderId } = await newOrder();
    await steps.fail({ orderId, reason: 'invalid-order' });

    expect(await steps.begin({ orderId })).toMatchObject(refusal(409, 'order-not-payable'));
  });
});

describe('confirmOrder', () => {
  it('moves a paying order to CONFIRMED, keeps the payment id, drops the token and emits OrderConfirmed with the lines', async () => {
    const { orderId, caller, product } = await newOrder();
    await steps.begin({ orderId });

    const answer = await steps.confirm({ orderId, paymentId });

    expect(answer).toMatchObject({ ok: true, result: { orderId, status: 'CONFIRMED', lines: [expect.objectContaining({ quantity: expect.any(Number) })], total: expect.any(Object) } });
    expect(await bed.orders.find(orderId)).toMatchObject({ status: 'CONFIRMED', payment: { method: 'CARD', paymentId } });
    expect(await bed.storedItem(orderId)).not.toHaveProperty('paymentToken');
    const [confirmed, ...more] = await eventsOfType(orderId, 'OrderConfirmed');
    expect(more).toEqual([]);
    expect(confirmed?.data).toEqual({
      orderId,
      userId: caller.userId,
      lines: [{ productId: product.productId, name: product.name, unitPrice: product.price, quantity: 2, lineTotal: { amount: 2598, currency: 'USD' } }],
      total: { amount: 2598, currency: 'USD' },
      paymentId,
    });
  });

  it('carries the correlation id of the request that placed the order', async () => {
    const { orderId } = await newOrder();
    const [created] = await eventsOfType(orderId, 'OrderCreated');
    await steps.begin({ orderId });

    await steps.confirm({ orderId, paymentId });

    expect((await eventsOfType(orderId, 'OrderConfirmed'))[0]?.correlationId).toBe(created?.correlationId);
  });

  it('answers the same to a repeat, and to five at once, emitting one OrderConfirmed', async () => {
    const { orderId } = await newOrder();
    await steps.begin({ orderId });

    const answers = await Promise.all(Array.from({ length: 5 }, () => steps.confirm({ orderId, paymentId })));
    const again = await steps.confirm({ orderId, paymentId });

    expect([...answers, again].every((answer) => answer.ok)).toBe(true);
    expect(await eventsOfType(orderId, 'OrderConfirmed')).toHaveLength(1);
  });

  it.each([
    ['still CREATED', [] as string[]],
    ['FAILED', ['fail']],
  ])('refuses an order that is %s with 409 order-status-conflict', async (_case, done) => {
    const { orderId } = await newOrder();
    if (done.includes('fail')) await steps.fail({ orderId, reason: 'payment-timeout' });

    expect(await steps.confirm({ orderId, paymentId })).toMatchObject(refusal(409, 'order-status-conflict'));
    expect(await eventsOfType(orderId, 'OrderConfirmed')).toEqual([]);
  });
});

describe('failOrder', () => {
  it.each([['CREATED', false], ['PAYMENT_PENDING', true]])('fails a %s order with its reason and emits OrderFailed', async (_status, begun) => {
    const { orderId, caller } = await newOrder();
    if (begun) await steps.begin({ orderId });

    const answer = await steps.fail({ orderId, reason: 'payment-declined', detail: 'card_declined' });

    expect(answer).toEqual({ ok: true, result: { orderId, status: 'FAILED' } });
    expect(await bed.orders.find(orderId)).toMatchObject({ status: 'FAILED', failure: { reason: 'payment-declined', detail: 'card_declined' } });
    expect(await bed.storedItem(orderId)).not.toHaveProperty('paymentToken');
    expect((await eventsOfType(orderId, 'OrderFailed')).map((event) => event.data)).toEqual([{ orderId, userId: caller.userId, reason: 'payment-declined' }]);
  });

  it('answers FAILED again to a repeat, keeping the first reason and emitting once', async () => {
    const { orderId } = await newOrder();
    await steps.fail({ orderId, reason: 'out-of-stock' });

    const again = await steps.fail({ orderId, reason: 'internal-error' });

    expect(again).toEqual({ ok: true, result: { orderId, status: 'FAILED' } });
    expect((await bed.orders.find(orderId))?.failure?.reason).toBe('out-of-stock');
    expect(await eventsOfType(orderId, 'OrderFailed')).toHaveLength(1);
  });

  it('leaves a cancelled order CANCELLED and answers so, emitting nothing', async () => {
    const { orderId, client } = await newOrder();
    await client.cancel(orderId);

    const answer = await steps.fail({ orderId, reason: 'invalid-order' });

    expect(answer).toEqual({ ok: true, result: { orderId, status: 'CANCELLED' } });
    expect((await bed.orders.find(orderId))?.status).toBe('CANCELLED');
    expect(await eventsOfType(orderId, 'OrderFailed')).toEqual([]);
  });

  it('refuses to fail a confirmed order with 409 order-status-conflict', async () => {
    const { orderId } = await newOrder();
    await steps.begin({ orderId });
    await steps.confirm({ orderId, paymentId });

    expect(await steps.fail({ orderId, reason: 'internal-error' })).toMatchObject(refusal(409, 'order-status-conflict'));
    expect((await bed.orders.find(orderId))?.status).toBe('CONFIRMED');
  });

  it('refuses an unknown reason with 422', async () => {
    const { orderId } = await newOrder();

    expect(await steps.fail({ orderId, reason: 'bored' })).toMatchObject(refusal(422, 'validation-failed'));
  });
});
