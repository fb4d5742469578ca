import { newId } from '@shoplane/lambda-kit';
import { sqsBatch, subscriptionQueue } from '@shoplane/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { metrics } from '../adapters/dependencies.js';
import { admin, analyticsTestbed, bodyOf, line, order, stockCommitted, type AnalyticsTestbed } from '../test-support.js';

let bed: AnalyticsTestbed;
beforeEach(async () => {
  bed = await analyticsTestbed();
});

const at = '2026-03-10T09:00:00.000Z';
const summaryOfMarch = async () => (await bed.summary(admin, { from: '2026-03-01', to: '2026-03-31' })).body as { orders: Record<string, number>; currencies: unknown[]; topProducts: unknown[] };

describe('the ingest queue\'s consumer', () => {
  it('writes an event as one EventLogs item in the seed\'s shape, deduplicated by its event id', async () => {
    // Prepare
    const placed = order([line(newId('prd'), 2, 1299)]);
    const created = placed.created(at);

    // Act
    const answer = await bed.ingest(sqsBatch(bodyOf(created)));

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    expect(await bed.entry(created.eventId)).toMatchObject({
      eventId: created.eventId,
      eventType: 'ORDER_PLACED',
      userId: placed.userId,
      metadata: { orderId: placed.orderId, correlationId: placed.orderId },
      timestamp: at,
      source: 'shoplane.orders',
    });
  });

  it('records the same event delivered three times by the bus once: one entry, and the numbers unchanged', async () => {
    // Prepare
    const queue = subscriptionQueue(bed.ingest);
    const confirmedOrder = order([line(newId('prd'), 3, 1000)]);
    const confirmed = confirmedOrder.confirmed(at);
    await queue.deliver(confirmedOrder.created(at), confirmed);
    const once = await summaryOfMarch();

    // Act
    await queue.deliver(confirmed);
    await queue.deliver(confirmed);

    // Assess
    expect(await summaryOfMarch()).toEqual(once);
    expect(once.orders).toEqual({ created: 1, confirmed: 1, failed: 0, cancelled: 0 });
    expect(await bed.entry(confirmed.eventId)).toBeDefined();
    expect(queue.deadLetters).toEqual([]);
  });

  it('records the same SQS message delivered three times, one after another or all at once, once', async () => {
    // Prepare
    const refunded = order([line(newId('prd'), 1, 4500)]).refunded(at);
    const batch = sqsBatch(bodyOf(refunded));

    // Act
    await bed.ingest(batch);
    const answers = await Promise.all([bed.ingest(batch), bed.ingest(batch)]);

    // Assess
    expect(answers.flatMap((answer) => answer.batchItemFailures)).toEqual([]);
    const [usd] = (await summaryOfMarch()).currencies;
    expect(usd).toMatchObject({ currency: 'USD', refunded: { amount: 4500, currency: 'USD' }, refunds: 1 });
  });

  it('records inventory\'s direct message, sent three times straight to the queue, once', async () => {
    // Prepare
    const queue = subscriptionQueue(bed.ingest);
    const message = stockCommitted(newId('prd'), 2, at);
    await queue.send(bodyOf(message));
    const first = await bed.entry(message.eventId);

    // Act
    await queue.send(bodyOf(message), bodyOf(message));

    // Assess
    expect(first).toMatchObject({ eventType: 'STOCK_COMMITTED', source: 'shoplane.inventory', metadata: message.metadata, receivedAt: expect.any(String) });
    expect(await bed.entry(message.eventId)).toEqual(first);
    expect(queue.deadLetteredMessages).toEqual([]);
  });

  it('sends a poison message to the dead-letter queue after the queue\'s receives, and records the rest of its batch once', async () => {
    // Prepare
    const queue = subscriptionQueue(bed.ingest, { maxReceives: 3 });
    const placed = order([line(newId('prd'), 1, 700)]);
    const message = stockCommitted(newId('prd'), 1, at);

    // Act
    await queue.send(bodyOf(placed.created(at)), '{"detail-type":"OrderCreated","detail":{"orderId":"not an order"}}', bodyOf(message));

    // Assess
    expect(queue.deadLetteredMessages).toMatchObject([{ receiveCount: 3, body: '{"detail-type":"OrderCreated","detail":{"orderId":"not an order"}}' }]);
    expect(await bed.entry(message.eventId)).toBeDefined();
    expect((await summaryOfMarch()).orders).toMatchObject({ created: 1 });
  });

  it.each([
    ['a body that is not JSON', 'not json'],
    ['an event type analytics does not take', JSON.stringify({ 'detail-type': 'UserRegistered', detail: {} })],
    ['a message of no known kind', JSON.stringify({ eventId: newId('evt'), eventType: 'STOCK_STOLEN' })],
  ])('reports %s as failed rather than dropping it', async (_case, body) => {
    expect((await bed.ingest(sqsBatch(body))).batchItemFailures).toEqual([{ itemIdentifier: 'm-0' }]);
  });

  it('counts a failure that arrives before its order\'s creation once the creation brings the currency', async () => {
    // Prepare
    const declined = order([line(newId('prd'), 1, 900, 'EUR')]);

    // Act
    await bed.ingest(sqsBatch(bodyOf(declined.failed('2026-03-11T09:00:00.000Z'))));
    const before = await summaryOfMarch();
    await bed.ingest(sqsBatch(bodyOf(declined.created(at))));

    // Assess
    expect(before.orders).toEqual({ created: 0, confirmed: 0, failed: 0, cancelled: 0 });
    expect((await summaryOfMarch()).orders).toEqual({ created: 1, confirmed: 0, failed: 1, cancelled: 0 });
    expect(await bed.counters('2026-03')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ SK: 'DAY#10#ORDERS#EUR', ordersCreated: 1 }),
        expect.objectContaining({ SK: 'DAY#11#ORDERS#EUR', ordersFailed: 1 }),
      ]),
    );
  });

  it('counts an order\'s creation and end racing each other exactly once each', async () => {
    // Prepare
    const cancelledOrder = order([line(newId('prd'), 1, 900)]);

    // Act
    const answers = await Promise.all([
      bed.ingest(sqsBatch(bodyOf(cancelledOrder.cancelled(at)))),
      bed.ingest(sqsBatch(bodyOf(cancelledOrder.created(at)))),
      bed.ingest(sqsBatch(bodyOf(cancelledOrder.paid(at)))),
    ]);

    // Assess
    expect(answers.flatMap((answer) => answer.batchItemFailures)).toEqual([]);
    expect((await summaryOfMarch()).orders).toEqual({ created: 1, confirmed: 0, failed: 0, cancelled: 1 });
  });

  it('records a confirmed order of 50 lines in one transaction: 50 product counters, the day\'s counter and the entry', async () => {
    // Prepare
    const products = Array.from({ length: 50 }, () => newId('prd'));
    const big = order(products.map((productId) => line(productId, 2, 100)));

    // Act
    const answer = await bed.ingest(sqsBatch(bodyOf(big.confirmed(at))));

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    const counters = await bed.counters('2026-03');
    expect(counters.filter((item) => item['kind'] === 'units')).toHaveLength(50);
    expect(counters.find((item) => item['kind'] === 'orders')).toMatchObject({ ordersConfirmed: 1, revenue: 10_000 });
  });
});

describe('what the ingest consumer counts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('counts MessagesDeadLettered once a message it cannot record reaches the queue\'s last receive, not before', async () => {
    // Prepare
    const counted = vi.spyOn(metrics, 'count');
    const onReceive = (receiveCount: number) => {
      const batch = sqsBatch('not json');
      return { Records: batch.Records.map((record) => ({ ...record, attributes: { ...record.attributes, ApproximateReceiveCount: String(receiveCount) } })) };
    };

    // Act
    const early = await bed.ingest(onReceive(1));
    const last = await bed.ingest(onReceive(5));

    // Assess
    expect([early.batchItemFailures, last.batchItemFailures].map((failures) => failures.length)).toEqual([1, 1]);
    expect(counted.mock.calls).toEqual([['MessagesDeadLettered']]);
  });
});
