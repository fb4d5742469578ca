import { setTimeout as sleep } from 'node:timers/promises';
import type { OrderCreated } from '@shoplane/contracts';
import type { LocalShop } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminOf,
  card,
  checkoutEnded,
  checkoutQueue,
  checkoutsEnded,
  contractViolationsOf,
  localSecret,
  moneyOf,
  newProduct,
  newShopper,
  placeOrder,
  settledOrder,
  startCheckoutShop,
  stockOf,
  storedPayment,
  type Shopper,
  type StoredPayment,
} from './checkout-support.js';
import { razorpayEvent, razorpaySignatureOf, razorpayWebhookSecret, sendRazorpayWebhook } from './checkout-webhooks.js';
import { recordingClient, type RecordingClient } from './journey-client.js';

/**
 * Faults injected into the whole local shop's checkout. Whatever goes wrong, every order
 * ends CONFIRMED, FAILED or CANCELLED, no stock stays reserved, and the money captured
 * minus the money refunded is exactly what the confirmed orders cost.
 */
let shop: LocalShop;
let admin: RecordingClient;
let webhooks: RecordingClient;
const price = 1500;

beforeAll(async () => {
  shop = await startCheckoutShop();
  admin = await adminOf(shop);
  webhooks = recordingClient(shop.url);
});

afterAll(async () => {
  await shop?.stop();
});

/** The consistency every fault must leave: stock back to what was not confirmed, nothing reserved, money equal to what was confirmed. */
async function expectConsistent(productId: string, initialStock: number, orders: { orderId: string; status: string; total: { amount: number }; lines: { quantity: number }[] }[]) {
  const confirmed = orders.filter((order) => order.status === 'CONFIRMED');
  const sold = confirmed.flatMap((order) => order.lines).reduce((units, line) => units + line.quantity, 0);
  expect(await stockOf(admin, productId)).toEqual({ availableStock: initialStock - sold, reservedStock: 0 });
  const payments = (await Promise.all(orders.map((order) => storedPayment(shop, order.orderId)))).filter((payment): payment is StoredPayment => payment !== undefined);
  const money = moneyOf(payments);
  expect(money.captured - money.refunded).toBe(confirmed.reduce((sum, order) => sum + order.total.amount, 0));
  return money;
}

describe('checkout under faults, in the whole local shop', () => {
  let shopper: Shopper;
  beforeAll(async () => {
    shopper = await newShopper(shop);
  });

  it('fails an order whose payment provider stays unreachable as payment-unavailable, after retrying, and releases its stock', async () => {
    // Prepare
    const productId = await newProduct(admin, 5, price);

    // Act
    const placed = await placeOrder(shopper, { items: [{ productId, quantity: 2 }], payment: card('tok_sandbox_unavailable') });
    const orderId = placed.data?.orderId ?? '';
    const execution = await checkoutEnded(shop, orderId);
    const order = await settledOrder(shopper, orderId);

    // Assess
    expect(order).toMatchObject({ status: 'FAILED', failureReason: 'payment-unavailable', payment: { status: 'NOT_CHARGED' } });
    expect(execution.status).toBe('SUCCEEDED');
    const paying = execution.states.find((visit) => visit.name === 'ProcessPayment');
    expect(paying?.retries).toBeGreaterThanOrEqual(1);
    expect(paying?.caught?.next).toBe('ClassifyPaymentError');
    expect(execution.states.map((visit) => visit.name)).toEqual(expect.arrayContaining(['FailOrder', 'ReleaseReservation', 'RefundPayment', 'OrderFailed']));
    const money = await expectConsistent(productId, 5, [order]);
    expect(money.capturedPayments).toBe(0);
  });

  it('confirms an order whose provider is unreachable once: the payment Task retries and charges once', async () => {
    // Prepare
    const productId = await newProduct(admin, 5, price);

    // Act
    const placed = await placeOrder(shopper, { items: [{ productId, quantity: 1 }], payment: card('tok_sandbox_flaky') });
    const orderId = placed.data?.orderId ?? '';
    const execution = await checkoutEnded(shop, orderId);
    const order = await settledOrder(shopper, orderId);

    // Assess
    expect(order.status).toBe('CONFIRMED');
    expect(execution.states.find((visit) => visit.name === 'ProcessPayment')?.retries).toBe(1);
    const payment = await storedPayment(shop, orderId);
    expect(payment?.attempts.map((attempt) => `${attempt.action}:${attempt.result}`)).toEqual(['charge:UNREACHABLE', 'charge:CAPTURED']);
    const money = await expectConsistent(productId, 5, [order]);
    expect(money.capturedPayments).toBe(1);
  });

  it('runs one checkout and charges once for an OrderCreated delivered three times, twice at once and once late', async () => {
    // Prepare: OrderCreated waits in the checkout's queue, where its copies join it.
    const productId = await newProduct(admin, 5, price);
    shop.bus.pause(checkoutQueue);
    const placed = await placeOrder(shopper, { items: [{ productId, quantity: 2 }], payment: card() });
    const orderId = placed.data?.orderId ?? '';
    const created = await (async () => {
      for (;;) {
        const found = shop.bus.events.find((logged) => logged.event['detail-type'] === 'OrderCreated' && (logged.event.detail as OrderCreated).data.orderId === orderId);
        if (found) return found.event;
        await sleep(20);
      }
    })();
    const copy = { Source: created.source, DetailType: created['detail-type'], Detail: JSON.stringify(created.detail) };

    // Act
    shop.bus.put([copy, copy]);
    shop.bus.resume(checkoutQueue);
    await checkoutEnded(shop, orderId);
    shop.bus.put([copy]);
    await shop.bus.drain();
    const order = await settledOrder(shopper, orderId);

    // Assess
    expect(order.status).toBe('CONFIRMED');
    expect(shop.stateMachines.executions.filter((execution) => execution.name === orderId)).toHaveLength(1);
    const payment = await storedPayment(shop, orderId);
    expect(payment?.attempts.filter((attempt) => attempt.action === 'charge')).toHaveLength(1);
    await expectConsistent(productId, 5, [order]);
  });

  it('changes nothing more for copies of the approval webhook, sent alongside the sandbox\'s and after it, nor for a late contradicting one', async () => {
    // Prepare: the UPI payment waits for the customer's approval.
    const productId = await newProduct(admin, 5, price);
    const placed = await placeOrder(shopper, { items: [{ productId, quantity: 1 }], payment: { method: 'UPI', token: 'success@razorpay' } });
    const orderId = placed.data?.orderId ?? '';
    const pending = await (async () => {
      for (;;) {
        const payment = await storedPayment(shop, orderId);
        if (payment?.providerReference) return payment;
        await sleep(20);
      }
    })();
    const secret = await localSecret(razorpayWebhookSecret);
    const about = { reference: pending.providerReference ?? '', orderId, amount: price, currency: 'USD' };
    const captured = razorpayEvent('payment.captured', about);

    // Act
    const alongside = await Promise.all([sendRazorpayWebhook(webhooks, captured, razorpaySignatureOf(captured, secret)), sendRazorpayWebhook(webhooks, captured, razorpaySignatureOf(captured, secret))]);
    await checkoutEnded(shop, orderId);
    const settled = await storedPayment(shop, orderId);
    const replayed = await sendRazorpayWebhook(webhooks, captured, razorpaySignatureOf(captured, secret));
    const contradicting = razorpayEvent('payment.failed', about);
    const late = await sendRazorpayWebhook(webhooks, contradicting, razorpaySignatureOf(contradicting, secret));
    await shop.bus.drain();
    const order = await settledOrder(shopper, orderId);

    // Assess
    expect([...alongside, replayed, late].map((answer) => answer.response.status)).toEqual([200, 200, 200, 200]);
    expect(order.status).toBe('CONFIRMED');
    expect(settled?.status).toBe('CAPTURED');
    expect(await storedPayment(shop, orderId)).toEqual(settled);
    const money = await expectConsistent(productId, 5, [order]);
    expect(money.capturedPayments).toBe(1);
  });

  it('lets exactly one of a cancel and the checkout win for each order, whenever the cancel comes, and undoes what the loser began', { timeout: 120_000 }, async () => {
    // Prepare
    const racers = 12;
    const productId = await newProduct(admin, racers, price);
    const customers = await Promise.all(Array.from({ length: racers }, () => newShopper(shop)));
    await shop.bus.drain();

    // Act: each customer cancels a little later than the one before, over the time checkout takes to reach the payment.
    const races = await Promise.all(
      customers.map(async (customer, index) => {
        const placed = await placeOrder(customer, { items: [{ productId, quantity: 1 }], payment: card() });
        const orderId = placed.data?.orderId ?? '';
        await sleep(index * 60);
        const cancel = await customer.client.api.POST('/orders/{orderId}/cancel', { params: { path: { orderId } } });
        return { customer, orderId, cancelStatus: cancel.response.status };
      }),
    );
    await checkoutsEnded(shop, races.map((race) => race.orderId), 60_000);
    const orders = await Promise.all(races.map((race) => settledOrder(race.customer, race.orderId)));

    // Assess
    for (const [index, race] of races.entries()) {
      const history = orders[index]?.statusHistory.map((change) => change.status);
      if (race.cancelStatus === 200) expect(history).toEqual(['CREATED', 'CANCELLED']);
      else expect({ cancel: race.cancelStatus, history }).toEqual({ cancel: 409, history: ['CREATED', 'PAYMENT_PENDING', 'CONFIRMED'] });
    }
    await expectConsistent(productId, racers, orders);
    expect(contractViolationsOf(...customers.map((customer) => customer.client))).toEqual([]);
  });

  it('answered everything as openapi.json documents it, and left nothing in a dead-letter queue', () => {
    expect(contractViolationsOf(admin, webhooks, shopper.client)).toEqual([]);
    expect(shop.bus.deadLetters).toEqual([]);
  });
});
