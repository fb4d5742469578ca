import { setTimeout as sleep } from 'node:timers/promises';
import type { InventoryUpdated } from '@shoplane/contracts';
import type { LocalShop } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminOf,
  card,
  checkoutsEnded,
  contractViolationsOf,
  moneyOf,
  newProduct,
  newShopper,
  placeOrder,
  settledOrder,
  startCheckoutShop,
  stockOf,
  storedPayments,
  type Shopper,
} from './checkout-support.js';
import type { RecordingClient } from './journey-client.js';

/**
 * A rush on one product: 100 customers each order one unit of 30 at the same moment,
 * against DynamoDB Local and the local state machine. Nothing may be oversold, every
 * order must end terminal, and the money must add up.
 */
const customers = 100;
const stock = 30;
const price = 1250;
let shop: LocalShop;
let admin: RecordingClient;
let productId: string;
let shoppers: Shopper[];

beforeAll(async () => {
  shop = await startCheckoutShop();
  admin = await adminOf(shop);
  productId = await newProduct(admin, stock, price);
  shoppers = await Promise.all(Array.from({ length: customers }, () => newShopper(shop)));
  await shop.bus.drain();
});

afterAll(async () => {
  await shop?.stop();
});

describe(`${customers} customers order 1 unit each of a product with stock ${stock}, at once`, () => {
  it(`confirms exactly ${stock}, fails or refuses the rest for stock, ends with no stock held, and charges exactly the confirmed orders`, { timeout: 240_000 }, async () => {
    // Prepare: the admin watches the stock while the rush runs.
    const samples: { availableStock: number; reservedStock: number }[] = [];
    let rushing = true;
    const watching = (async () => {
      while (rushing) {
        samples.push(await stockOf(admin, productId));
        await sleep(100);
      }
    })();

    // Act
    const answers = await Promise.all(shoppers.map(async (shopper) => ({ shopper, answer: await placeOrder(shopper, { items: [{ productId, quantity: 1 }], payment: card() }) })));
    const placed = answers.filter(({ answer }) => answer.response.status === 201).map(({ shopper, answer }) => ({ shopper, orderId: answer.data?.orderId ?? '' }));
    await checkoutsEnded(shop, placed.map(({ orderId }) => orderId), 180_000);
    const orders = await Promise.all(placed.map(({ shopper, orderId }) => settledOrder(shopper, orderId)));
    rushing = false;
    await watching;

    // Assess: every order placed or refused as short of stock; every placed one terminal.
    const refused = answers.filter(({ answer }) => answer.response.status === 409);
    expect(placed.length + refused.length).toBe(customers);
    for (const { answer } of refused) expect(answer.error).toMatchObject({ type: expect.stringMatching(/\/insufficient-stock$/) });
    const confirmed = orders.filter((order) => order.status === 'CONFIRMED');
    const failed = orders.filter((order) => order.status === 'FAILED');
    expect(confirmed).toHaveLength(stock);
    expect(failed).toHaveLength(placed.length - stock);
    expect(new Set(failed.map((order) => order.failureReason))).toEqual(new Set(failed.length > 0 ? ['out-of-stock'] : []));

    // Assess: nothing oversold, nothing left reserved, never below zero.
    expect(await stockOf(admin, productId)).toEqual({ availableStock: 0, reservedStock: 0 });
    const announced = shop.bus.events
      .filter((logged) => logged.event['detail-type'] === 'InventoryUpdated')
      .map((logged) => (logged.event.detail as InventoryUpdated).data)
      .filter((update) => update.productId === productId);
    for (const counts of [...samples, ...announced]) {
      expect(counts.availableStock).toBeGreaterThanOrEqual(0);
      expect(counts.reservedStock).toBeGreaterThanOrEqual(0);
      expect(counts.availableStock + counts.reservedStock).toBeLessThanOrEqual(stock);
    }

    // Assess: one capture per confirmed order, and the money adds up.
    const placedIds = new Set(placed.map(({ orderId }) => orderId));
    const payments = (await storedPayments(shop)).filter((payment) => placedIds.has(payment.orderId));
    const money = moneyOf(payments);
    expect(money.capturedPayments).toBe(stock);
    expect(money.captured - money.refunded).toBe(confirmed.reduce((sum, order) => sum + order.total.amount, 0));
    expect(money.captured - money.refunded).toBe(stock * price);
    expect(new Set(payments.filter((payment) => payment.status === 'CAPTURED').map((payment) => payment.orderId))).toEqual(new Set(confirmed.map((order) => order.orderId)));
  });

  it('answered everything as openapi.json documents it, and left nothing in a dead-letter queue', () => {
    expect(contractViolationsOf(admin, ...shoppers.map((shopper) => shopper.client))).toEqual([]);
    expect(shop.bus.deadLetters).toEqual([]);
  });
});
