import type { LocalShop } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminOf, card, checkoutQueue, newProduct, newShopper, placeOrder, settledOrder, startCheckoutShop, type Shopper } from './checkout-support.js';
import type { RecordingClient } from './journey-client.js';

/**
 * A day of the shop through the real local runtime: orders confirmed, declined and
 * cancelled. What people received is in the local outbox, and analytics' summary,
 * kept from the events alone, matches exactly what this journey placed.
 */
let shop: LocalShop;
let admin: RecordingClient;
let shopper: Shopper;
const placed: { orderId: string; amount: number; units: number; productId: string; outcome: 'CONFIRMED' | 'FAILED' | 'CANCELLED' }[] = [];
let mug: string;
let lamp: string;

interface Outbox {
  emails: { to: string[]; subject: string; text?: string }[];
}

beforeAll(async () => {
  shop = await startCheckoutShop();
  admin = await adminOf(shop);
  mug = await newProduct(admin, 50, 1299);
  lamp = await newProduct(admin, 50, 4500);
  shopper = await newShopper(shop);
  // Registration is how notifications learns the address; wait for the welcome before ordering.
  await vi.waitFor(() => expect(emailsTo(shopper).some((email) => /welcome/i.test(email.subject))).toBe(true), { timeout: 15_000, interval: 50 });

  const orders: [string, number, string, 'CONFIRMED' | 'FAILED'][] = [
    [mug, 2, 'tok_visa', 'CONFIRMED'],
    [lamp, 1, 'tok_visa', 'CONFIRMED'],
    [mug, 3, 'tok_chargeDeclined', 'FAILED'],
    [lamp, 2, 'tok_chargeDeclinedInsufficientFunds', 'FAILED'],
  ];
  for (const [productId, units, token, outcome] of orders) {
    const { data } = await placeOrder(shopper, { items: [{ productId, quantity: units }], payment: card(token) });
    const order = await settledOrder(shopper, data?.orderId ?? '');
    expect(order.status).toBe(outcome);
    placed.push({ orderId: order.orderId, amount: order.total.amount, units, productId, outcome });
  }
  // A cancel before checkout starts: hold the checkout's queue while the customer changes their mind.
  shop.bus.pause(checkoutQueue);
  const { data } = await placeOrder(shopper, { items: [{ productId: mug, quantity: 1 }], payment: card() });
  const cancelled = await shopper.client.api.POST('/orders/{orderId}/cancel', { params: { path: { orderId: data?.orderId ?? '' } } });
  expect(cancelled.data?.status).toBe('CANCELLED');
  shop.bus.resume(checkoutQueue);
  placed.push({ orderId: data?.orderId ?? '', amount: 1299, units: 1, productId: mug, outcome: 'CANCELLED' });
  await shop.bus.drain();
}, 120_000);

afterAll(async () => {
  await shop?.stop();
});

function emailsTo(who: Shopper): Outbox['emails'] {
  const outbox = shop.outbox.view() as Outbox;
  return outbox.emails.filter((email) => email.to.some((address) => address.startsWith(who.userId.toLowerCase())));
}

describe('what the customer received', () => {
  it('is a welcome, one confirmation per confirmed order with its lines and total, and a notice per failed order', async () => {
    await vi.waitFor(
      () => {
        const mail = emailsTo(shopper);
        for (const order of placed.filter((entry) => entry.outcome !== 'CANCELLED')) {
          expect(mail.filter((email) => email.subject.includes(order.orderId) || (email.text ?? '').includes(order.orderId))).toHaveLength(1);
        }
      },
      { timeout: 15_000, interval: 100 },
    );
    const mail = emailsTo(shopper);
    expect(mail.filter((email) => /welcome/i.test(email.subject))).toHaveLength(1);
    const first = placed[0];
    const confirmation = mail.find((email) => email.subject.includes(first?.orderId ?? '?'));
    expect(confirmation?.subject).toMatch(/confirmed/i);
    expect(confirmation?.text).toContain('25.98');
    const cancelled = placed.find((order) => order.outcome === 'CANCELLED');
    expect(mail.filter((email) => (email.subject + (email.text ?? '')).includes(cancelled?.orderId ?? '?'))).toEqual([]);
  });
});

describe('the analytics summary of the day', () => {
  it('matches exactly the orders this journey placed', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const count = (outcome: string) => placed.filter((order) => order.outcome === outcome).length;
    const revenue = placed.filter((order) => order.outcome === 'CONFIRMED').reduce((sum, order) => sum + order.amount, 0);
    const unitsOf = (productId: string) => placed.filter((order) => order.outcome === 'CONFIRMED' && order.productId === productId).reduce((sum, order) => sum + order.units, 0);

    await vi.waitFor(
      async () => {
        const { data, response } = await admin.api.GET('/analytics/summary', { params: { query: { from: today, to: today } } });
        expect(response.status).toBe(200);
        // The seed's and other tests' orders are not in this shop: these are all of the day's.
        expect(data?.orders).toEqual({ created: placed.length, confirmed: count('CONFIRMED'), failed: count('FAILED'), cancelled: count('CANCELLED') });
        expect(data?.currencies).toEqual([
          expect.objectContaining({ currency: 'USD', revenue: { amount: revenue, currency: 'USD' }, refunded: { amount: 0, currency: 'USD' }, refunds: 0 }),
        ]);
        expect(data?.topProducts.map((product) => [product.productId, product.units])).toEqual(
          expect.arrayContaining([[mug, unitsOf(mug)], [lamp, unitsOf(lamp)]]),
        );
      },
      { timeout: 20_000, interval: 200 },
    );
  });

  it('is for admins only', async () => {
    const { response } = await shopper.client.api.GET('/analytics/summary');

    expect(response.status).toBe(403);
  });

  it('answered everything as openapi.json documents it', () => {
    expect([...admin.observed, ...shopper.client.observed].filter((answer) => answer.violations.length > 0)).toEqual([]);
  });
});
