import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledInvariants } from '../invariants.js';
import { adminToken, call, newCustomer, newProduct, placeOrder, type Customer } from '../shop-api.js';
import { startShopProcess, type ShopProcess } from '../shop-process.js';
import { leastSquaresSlope, type Sample } from '../slope.js';
import { recordCounts } from '../suite-counts.js';

/**
 * Five minutes of mixed traffic at a steady rate against `npm start` in a child process:
 * browsing, carts and checkouts. The runtime's memory and open handles, sampled every
 * 10 s, stay flat, and nothing answers 5xx.
 *
 * The bounds, over the samples after the first two minutes (start-up, JIT and the runtime's
 * bounded histories filling: 500 bus events, 200 executions — 100 s at 2 checkouts/s):
 * - heap: under 20 KB/s, i.e. under 6 MB over the run — a leak of one small object per
 *   request (≈ 10 requests/s × 200 B ≈ 2 KB/s) stays below it, one of an order's size
 *   (≈ 2 checkouts/s × 20 KB) does not; the outbox, still filling towards its 500 e-mails, adds
 *   about 4 KB/s;
 * - open handles: under 0.5/s. A sample counts the sockets and timers of the requests in
 *   flight at that moment too (20–100 here), which puts noise of about ±0.1/s on the
 *   slope; a socket or timer left behind per checkout would be 2/s, so the bound catches a
 *   leak of one handle per four checkouts.
 */
const soakSeconds = Number(process.env['SHOPLANE_SOAK_SECONDS'] ?? 300);
const sampleEverySeconds = 10;
const warmUpSeconds = Math.min(120, soakSeconds / 3);
const requestsPerSecond = 10;
const heapBytesPerSecond = 20_000;
const handlesPerSecond = 0.5;

let shop: ShopProcess;

beforeAll(async () => {
  // --expose-gc: each sample measures what the runtime retains, not garbage not yet collected.
  shop = await startShopProcess({ env: { PAYMENTS_SANDBOX_APPROVAL_DELAY_MS: '300', NODE_OPTIONS: '--expose-gc' } });
});

afterAll(async () => {
  await shop?.stop();
});

interface ProcessView {
  memory: { rss: number; heapUsed: number };
  openHandles: number;
}

describe('a five-minute soak of mixed traffic', () => {
  it('keeps the runtime\'s memory and open handles flat and answers no 5xx', async () => {
    // Prepare
    const admin = await adminToken(shop.url);
    const productIds = await Promise.all([1, 2, 3, 4].map(() => newProduct(shop.url, admin, 100_000, 700)));
    const customers: Customer[] = await Promise.all([1, 2, 3, 4, 5].map(() => newCustomer(shop.url)));
    const statuses = new Map<number, number>();
    const orderIds: string[] = [];
    const serverErrors: string[] = [];
    const pending = new Set<Promise<void>>();
    const note = (what: string, status: number) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500) serverErrors.push(`${what} → ${status}`);
    };
    let tick = 0;
    const pick = <T>(from: readonly T[]) => from[tick % from.length] as T;

    /** One request of the mix: 50 % browsing, 30 % cart, 20 % checkout. */
    async function oneRequest(): Promise<void> {
      tick += 1;
      const customer = pick(customers);
      const productId = pick(productIds);
      const slot = tick % 10;
      if (slot < 3) note('GET /products', (await call(shop.url, 'GET', '/products?limit=20')).status);
      else if (slot < 5) note('GET /products/{id}', (await call(shop.url, 'GET', `/products/${productId}`)).status);
      else if (slot === 5) note('POST /cart/items', (await call(shop.url, 'POST', '/cart/items', { token: customer.token, body: { productId, quantity: 1 } })).status);
      else if (slot === 6) note('GET /cart', (await call(shop.url, 'GET', '/cart', { token: customer.token })).status);
      else if (slot === 7) note('DELETE /cart/items/{id}', (await call(shop.url, 'DELETE', `/cart/items/${productId}`, { token: customer.token })).status);
      else {
        const placed = await placeOrder(shop.url, customer, [{ productId, quantity: 1 }], { method: 'CARD', token: tick % 40 === 9 ? 'tok_chargeDeclined' : 'tok_visa' });
        note('POST /orders', placed.status);
        if (placed.orderId) orderIds.push(placed.orderId);
      }
    }

    // Act: a steady rate (requests are not held back by slow answers), sampling as it goes.
    const samples: { atSeconds: number; rss: number; heapUsed: number; openHandles: number }[] = [];
    const startedAt = Date.now();
    const sample = async () => {
      const view = (await call<ProcessView>(shop.url, 'GET', '/__local/process')).body;
      samples.push({ atSeconds: (Date.now() - startedAt) / 1000, rss: view.memory.rss, heapUsed: view.memory.heapUsed, openHandles: view.openHandles });
    };
    await sample();
    let nextSampleAt = sampleEverySeconds;
    for (let sent = 0; sent < soakSeconds * requestsPerSecond; sent += 1) {
      const due = startedAt + (sent * 1000) / requestsPerSecond;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      const request: Promise<void> = oneRequest().catch((error: unknown) => {
        serverErrors.push(`request failed: ${String(error)}`);
      });
      pending.add(request);
      void request.finally(() => pending.delete(request));
      if ((Date.now() - startedAt) / 1000 >= nextSampleAt) {
        nextSampleAt += sampleEverySeconds;
        await sample();
      }
    }
    await Promise.all(pending);
    await sample();

    // Assess
    const steady = samples.filter((point) => point.atSeconds >= warmUpSeconds);
    const slopeOf = (key: 'rss' | 'heapUsed' | 'openHandles') => leastSquaresSlope(steady.map((point): Sample => ({ atSeconds: point.atSeconds, value: point[key] })));
    const slopes = { rss: slopeOf('rss'), heapUsed: slopeOf('heapUsed'), openHandles: slopeOf('openHandles') };
    const report = await settledInvariants({ dynamoEndpoint: shop.dynamoEndpoint, baseUrl: shop.url, initialStock: new Map(productIds.map((id) => [id, 100_000])), orderIds, outbox: 'partial' }, 60_000);
    console.log(
      `soak: ${soakSeconds} s at ${requestsPerSecond}/s, answers ${JSON.stringify(Object.fromEntries(statuses))}, ${orderIds.length} orders ${JSON.stringify(report.statuses)}\n` +
        `  samples (s: rss MB / heap MB / handles): ${samples.map((point) => `${Math.round(point.atSeconds)}: ${(point.rss / 1e6).toFixed(0)}/${(point.heapUsed / 1e6).toFixed(1)}/${point.openHandles}`).join(', ')}\n` +
        `  slopes after ${warmUpSeconds} s: rss ${(slopes.rss / 1000).toFixed(2)} KB/s, heap ${(slopes.heapUsed / 1000).toFixed(2)} KB/s (bound ${heapBytesPerSecond / 1000}), open handles ${slopes.openHandles.toFixed(4)}/s (bound ${handlesPerSecond})`,
    );
    recordCounts({ casesTried: [...statuses.values()].reduce((sum, count) => sum + count, 0), ordersChecked: report.ordersChecked, invariantViolations: report.violations.length });
    expect(serverErrors).toEqual([]);
    expect(report.violations).toEqual([]);
    expect(slopes.heapUsed).toBeLessThan(heapBytesPerSecond);
    expect(slopes.openHandles).toBeLessThan(handlesPerSecond);
  });
});
