import type { OrderCheckoutStalled } from '@shoplane/contracts';
import type { ScheduledEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { metrics } from '../adapters/dependencies.js';
import { checkoutSteps, orderApi, ordersTestbed, placedOrder, shopper, type OrdersTestbed } from '../test-support.js';
import { sweepStuckOrdersHandler } from './sweep-stuck-orders.js';

const minute = 60_000;
const paymentId = 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V';
const scheduled: ScheduledEvent = { version: '0', id: 'run-1', 'detail-type': 'Scheduled Event', source: 'aws.events', account: '0', time: '', region: 'us-east-1', resources: [], detail: {} };

let bed: OrdersTestbed;
let steps: ReturnType<typeof checkoutSteps>;

/** Each test sweeps its own table, so orders of other tests are never due in it. */
beforeEach(async () => {
  bed = await ordersTestbed();
  steps = checkoutSteps(bed);
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function newOrder(): Promise<string> {
  const { client, product } = await shopper(bed, orderApi(bed));
  return placedOrder(client, product.productId);
}

/** Runs the scheduled sweep as if `minutes` had passed since now. */
async function sweepAfter(minutes: number) {
  const at = new Date(Date.now() + minutes * minute);
  return sweepStuckOrdersHandler(() => ({ ...bed.deps(), clock: () => at }))(scheduled);
}

const stalled = async (orderId: string) =>
  (await bed.eventsOf(orderId)).filter((event): event is OrderCheckoutStalled => event.eventType === 'OrderCheckoutStalled').map((event) => event.data);

describe('the sweep of orders checkout left unsettled', () => {
  it('leaves an order alone while its checkout has its time', async () => {
    const orderId = await newOrder();

    const { swept } = await sweepAfter(1);

    expect(swept).toEqual([]);
    expect(await stalled(orderId)).toEqual([]);
  });

  it('asks checkout to restart an order still CREATED after 2 minutes, once until it is due again', async () => {
    const orderId = await newOrder();

    const first = await sweepAfter(3);
    const again = await sweepAfter(4);

    expect(first.swept).toEqual([{ orderId, status: 'CREATED', action: 'restart' }]);
    expect(again.swept).toEqual([]);
    expect(await stalled(orderId)).toEqual([expect.objectContaining({ orderId, status: 'CREATED', action: 'restart', placedAt: expect.any(String) })]);
  });

  it('asks checkout to abandon an order still open once every execution must have ended', async () => {
    const orderId = await newOrder();
    await steps.begin({ orderId });

    const { swept } = await sweepAfter(80);

    expect(swept).toEqual([{ orderId, status: 'PAYMENT_PENDING', action: 'abandon' }]);
    expect(await stalled(orderId)).toEqual([expect.objectContaining({ action: 'abandon', status: 'PAYMENT_PENDING' })]);
  });

  it('asks checkout once to settle a failed order, then stops watching it', async () => {
    const orderId = await newOrder();
    await steps.fail({ orderId, reason: 'internal-error' });

    const early = await sweepAfter(30);
    const due = await sweepAfter(80);
    const after = await sweepAfter(500);

    expect(early.swept).toEqual([]);
    expect(due.swept).toEqual([{ orderId, status: 'FAILED', action: 'settle' }]);
    expect(after.swept).toEqual([]);
    expect(await bed.storedItem(orderId)).not.toHaveProperty('GSI2PK');
  });

  it('never sweeps a confirmed order', async () => {
    const orderId = await newOrder();
    await steps.begin({ orderId });
    await steps.confirm({ orderId, paymentId });

    const { swept } = await sweepAfter(500);

    expect(swept).toEqual([]);
    expect(await bed.storedItem(orderId)).not.toHaveProperty('GSI2SK');
  });

  it('hands each order to checkout once when two sweeps run at once', async () => {
    const orders = await Promise.all([newOrder(), newOrder(), newOrder()]);

    const runs = await Promise.all([sweepAfter(3), sweepAfter(3)]);

    expect(runs.flatMap((run) => run.swept.map((outcome) => outcome.orderId)).sort()).toEqual([...orders].sort());
    for (const orderId of orders) expect(await stalled(orderId)).toHaveLength(1);
  });

  it('writes nothing for an order a checkout step moved after the sweep read it', async () => {
    const orderId = await newOrder();
    const [read] = await bed.orders.dueForSweep(new Date(Date.now() + 3 * minute), 10);
    await steps.begin({ orderId });

    const recorded = read ? await bed.orders.recordSweep(read, undefined, []) : 'not read';

    expect(recorded).toBe(false);
    expect((await bed.orders.find(orderId))?.sweepDueAt).toEqual(expect.any(String));
  });

  it('counts OrdersSwept by action', async () => {
    await newOrder();
    const counted = vi.spyOn(metrics, 'count');

    await sweepAfter(3);

    expect(counted.mock.calls).toEqual([['OrdersSwept', { action: 'restart' }]]);
  });
});
