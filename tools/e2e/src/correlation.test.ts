import type { LocalShop } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminOf, card, checkoutEnded, newProduct, newShopper, settledOrder, startCheckoutShop, type Shopper } from './checkout-support.js';
import { captureLogs, type LogCapture } from './log-capture.js';

/**
 * One correlation id, chosen by the client on `POST /orders`, follows the order through
 * the whole local shop: the events it causes, the checkout execution's input, and the
 * structured log lines of every function on the way.
 */
let logs: LogCapture;

/** The functions' structured log lines (Powertools JSON, one per line). */
function logLines(): Record<string, unknown>[] {
  return logs.chunks
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{') && line.includes('"service"'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

interface BusEntry {
  event: { 'detail-type': string; detail: { correlationId?: string; data?: { orderId?: string } } };
}

let shop: LocalShop;
let shopper: Shopper;
let product: string;
const correlationId = `e2e-corr-${Date.now()}`;
let orderId = '';

beforeAll(async () => {
  logs = captureLogs({ level: 'INFO' });
  shop = await startCheckoutShop();
  const admin = await adminOf(shop);
  product = await newProduct(admin, 5);
  shopper = await newShopper(shop);
  await shop.bus.drain();

  const placed = await shopper.client.api.POST('/orders', {
    body: { items: [{ productId: product, quantity: 1 }], payment: card() },
    params: { header: { 'Idempotency-Key': `correlation-${Date.now()}` } },
    headers: { 'x-correlation-id': correlationId },
  });
  orderId = placed.data?.orderId ?? '';
  expect(placed.response.headers.get('x-correlation-id')).toBe(correlationId);
  expect((await settledOrder(shopper, orderId)).status).toBe('CONFIRMED');
  await checkoutEnded(shop, orderId);
  // Consumers of the last events (analytics, notifications, carts) log once they have them.
  await vi.waitFor(
    () => {
      const services = new Set(logLines().filter((line) => line['correlationId'] === correlationId).map((line) => line['service']));
      expect([...services]).toEqual(expect.arrayContaining(['analytics', 'notifications']));
    },
    { timeout: 15_000, interval: 50 },
  );
}, 120_000);

afterAll(async () => {
  // After the shop: it puts back the real process.env, which the level is restored on.
  await shop?.stop();
  logs.stop();
});

describe('a client\'s x-correlation-id on POST /orders', () => {
  it('is on every event the order causes on the bus: OrderCreated, PaymentSucceeded, OrderConfirmed and CheckoutCompleted', async () => {
    const orderEvents = async () =>
      ((await (await fetch(`${shop.url}/__local/events`)).json()) as { items: BusEntry[] }).items
        .map((entry) => entry.event)
        .filter((event) => event.detail.data?.orderId === orderId && event['detail-type'] !== 'InventoryUpdated');

    // Each owner publishes from its table's stream, a moment after the change.
    const events = await vi.waitFor(
      async () => {
        const published = await orderEvents();
        expect(published.map((event) => event['detail-type']).sort()).toEqual(['CheckoutCompleted', 'OrderConfirmed', 'OrderCreated', 'PaymentSucceeded']);
        return published;
      },
      { timeout: 15_000, interval: 50 },
    );

    expect(events.map((event) => event.detail.correlationId)).toEqual(events.map(() => correlationId));
  });

  it('is in the checkout execution\'s input', async () => {
    const { items } = (await (await fetch(`${shop.url}/__local/executions`)).json()) as { items: { name: string; input: unknown }[] };

    expect(items.find((execution) => execution.name === orderId)?.input).toEqual({ orderId, correlationId });
  });

  it('is in the structured log lines of every service the order went through', () => {
    const lines = logLines().filter((line) => line['correlationId'] === correlationId);
    const services = new Set(lines.map((line) => line['service']));

    // orders placed it, checkout started it, payments charged it, notifications told the customer, analytics recorded it.
    expect([...services].sort()).toEqual(expect.arrayContaining(['analytics', 'checkout', 'notifications', 'orders', 'payments']));
    expect(lines.find((line) => line['service'] === 'orders' && line['message'] === 'order placed')).toMatchObject({ orderId });
    expect(lines.find((line) => line['service'] === 'payments' && line['message'] === 'payment processed')).toMatchObject({ orderId, status: 'CAPTURED' });
  });
});
