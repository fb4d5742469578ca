import type { LocalShop } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminOf, checkoutEnded, contractViolationsOf, moneyOf, newProduct, newShopper, placeOrder, settledOrder, startCheckoutShop, stockOf, storedPayment } from './checkout-support.js';
import type { RecordingClient } from './journey-client.js';

/**
 * A customer who approves the UPI payment too late: checkout's payment Task (given one
 * second here) times out and compensates; the approval that arrives afterwards is
 * refunded, so the failed order keeps no money.
 */
let shop: LocalShop;
let admin: RecordingClient;

beforeAll(async () => {
  shop = await startCheckoutShop({ approvalDelayMs: 2_500, stackContext: { paymentTimeoutSeconds: 1 } });
  admin = await adminOf(shop);
});

afterAll(async () => {
  await shop?.stop();
});

describe('a payment approved after checkout stopped waiting', () => {
  it('fails the order as payment-timeout, releases its stock, and refunds the late capture', async () => {
    // Prepare
    const price = 2200;
    const productId = await newProduct(admin, 4, price);
    const shopper = await newShopper(shop);

    // Act
    const placed = await placeOrder(shopper, { items: [{ productId, quantity: 1 }], payment: { method: 'UPI', token: 'success@razorpay' } });
    const orderId = placed.data?.orderId ?? '';
    const execution = await checkoutEnded(shop, orderId);
    const order = await settledOrder(shopper, orderId);
    const refunded = await vi.waitFor(
      async () => {
        const payment = await storedPayment(shop, orderId);
        if (payment?.status !== 'REFUNDED') throw new Error(`payment is ${payment?.status ?? 'missing'}`);
        return payment;
      },
      { timeout: 15_000, interval: 100 },
    );
    await shop.bus.drain();

    // Assess
    expect(order).toMatchObject({ status: 'FAILED', failureReason: 'payment-timeout' });
    expect(execution.states.find((visit) => visit.name === 'ProcessPayment')?.caught).toEqual({ error: 'States.Timeout', next: 'PaymentTimedOut' });
    expect(await stockOf(admin, productId)).toEqual({ availableStock: 4, reservedStock: 0 });
    // Cancelled when checkout gave up; the approval that came later was refunded on arrival.
    expect(refunded.attempts.map((attempt) => `${attempt.action}:${attempt.result}`)).toEqual(['charge:PENDING', 'cancel:CANCELLED', 'refund:REFUNDED']);
    expect(moneyOf([refunded])).toEqual({ captured: price, refunded: price, capturedPayments: 1 });
    expect((await settledOrder(shopper, orderId)).status).toBe('FAILED');
    expect(contractViolationsOf(admin, shopper.client)).toEqual([]);
    expect(shop.bus.deadLetters).toEqual([]);
  });
});
