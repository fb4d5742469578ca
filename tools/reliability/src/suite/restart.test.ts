import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@shoplane/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledInvariants } from '../invariants.js';
import { adminToken, newCustomer, newProduct, placeOrder, type Customer, type PlacedOrder } from '../shop-api.js';
import { startShopProcess, type ShopProcess } from '../shop-process.js';
import { recordCounts } from '../suite-counts.js';

/**
 * `npm start -- --persist` killed (SIGKILL, DynamoDB Local with it) in the middle of 50
 * checkouts and started again on the same data. The checkouts whose answer the crash took
 * are sent again with their Idempotency-Key, as a client retries; the rest after the restart.
 * Once it has recovered, every checkout has one order, none is left outside a terminal
 * state and every invariant holds.
 */
const checkouts = 50;
const killAfter = 20;
const stockEach = 40;
let dataDirectory: string;
let shop: ShopProcess | undefined;

beforeAll(() => {
  dataDirectory = mkdtempSync(join(tmpdir(), 'shoplane-restart-'));
});

afterAll(async () => {
  await shop?.stop();
  rmSync(dataDirectory, { recursive: true, force: true });
});

const env = { PAYMENTS_SANDBOX_APPROVAL_DELAY_MS: '300' };
const cards = ['tok_visa', 'tok_visa', 'tok_visa', 'tok_chargeDeclined', 'tok_sandbox_flaky'];

describe('restarting a persisted shop in the middle of checkouts', () => {
  it('recovers every order to a terminal state with stock, money, events and messages exact', async () => {
    // Prepare
    shop = await startShopProcess({ dataDirectory, env });
    const admin = await adminToken(shop.url);
    const productIds = await Promise.all([1, 2, 3].map(() => newProduct(shop?.url ?? '', admin, stockEach)));
    const customers: Customer[] = await Promise.all([1, 2, 3, 4, 5].map(() => newCustomer(shop?.url ?? '')));
    const keys = Array.from({ length: checkouts }, () => newId('order'));
    const order = (index: number, url: string): Promise<PlacedOrder> =>
      placeOrder(
        url,
        customers[index % customers.length] as Customer,
        [{ productId: productIds[index % productIds.length] ?? '', quantity: 1 + (index % 2) }],
        { method: 'CARD', token: cards[index % cards.length] ?? 'tok_visa' },
        keys[index],
      ).catch((): PlacedOrder => ({ status: 0 }));

    // Act: checkouts fired a few at a time; the whole runtime is killed once killAfter of them are placed, while most are mid-saga.
    const before: Promise<PlacedOrder>[] = [];
    let placed = 0;
    const killed = new Promise<void>((resolve) => {
      for (let index = 0; index < killAfter + 10; index += 1) {
        const answer = order(index, shop?.url ?? '');
        void answer.then((outcome) => {
          if (outcome.orderId) placed += 1;
          if (placed === killAfter) resolve();
        });
        before.push(answer);
      }
    });
    await killed;
    await shop.kill();
    const answeredBefore = await Promise.all(before);
    shop = await startShopProcess({ dataDirectory, env });
    const url = shop.url;
    // A request the crash cut off holds its key for a minute (lambda-kit's in-progress lock): the client retries as Retry-After says.
    const retry = async (index: number): Promise<PlacedOrder> => {
      for (const giveUpAt = Date.now() + 120_000; ; ) {
        const answer = await order(index, url);
        if (answer.status !== 409 || !answer.problem?.includes('request-in-progress') || Date.now() > giveUpAt) return answer;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    };
    const [retried, after] = await Promise.all([
      Promise.all(answeredBefore.map((answer, index) => (answer.orderId ? answer : retry(index)))),
      Promise.all(Array.from({ length: checkouts - before.length }, (_, offset) => order(before.length + offset, url))),
    ]);
    const answers = [...retried, ...after];
    const orderIds = answers.flatMap((answer) => (answer.orderId ? [answer.orderId] : []));
    const report = await settledInvariants(
      { dynamoEndpoint: shop.dynamoEndpoint, baseUrl: shop.url, initialStock: new Map(productIds.map((productId) => [productId, stockEach])), orderIds, outbox: 'partial' },
      120_000,
    );

    // Assess
    console.log(
      `restart: killed after ${placed} of ${before.length} checkouts were placed (${answeredBefore.filter((answer) => !answer.orderId).length} lost their answer and were retried), ${after.length} more after the restart; ` +
        `${report.ordersChecked} orders ${JSON.stringify(report.statuses)}; refused: ${JSON.stringify(answers.flatMap((answer) => (answer.problem ? [`${answer.status} ${answer.problem}`] : [])))}`,
    );
    recordCounts({ ordersChecked: report.ordersChecked, invariantViolations: report.violations.length, faultsInjected: 1 });
    expect(report.violations).toEqual([]);
    expect(answers.map((answer) => answer.status).filter((status) => status !== 200 && status !== 201)).toEqual([]);
    expect(new Set(orderIds).size).toBe(checkouts);
    expect(report.ordersChecked).toBe(checkouts);
  });
});
