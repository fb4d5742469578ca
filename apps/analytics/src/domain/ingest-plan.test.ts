import { cartLimits, newId } from '@shoplane/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { line, order, stockCommitted } from '../test-support.js';
import { logEntryOf, type IngestedEvent, type IngestMessage } from './event-log.js';
import { ingest, TooManyChangesError } from './ingest.js';
import { maxTransactionItems, planIngest, transactionItemsOf, type IngestPlan } from './ingest-plan.js';
import type { OrderFacts } from './order-facts.js';
import type { IngestStore } from './ports.js';

const event = (domainEvent: IngestedEvent): IngestMessage => ({ kind: 'event', event: domainEvent });
const mug = newId('prd');
const kettle = newId('prd');
const day = '2026-03-02';
const at = `${day}T10:00:00.000Z`;

describe('the log entry of an event', () => {
  it('keeps the seed\'s shape: the event\'s id, its log type, the user on top, the rest in metadata', () => {
    // Prepare
    const placed = order([line(mug, 2, 1299)]);

    // Act
    const entry = logEntryOf(event(placed.created(at)));

    // Assess
    expect(entry).toEqual({
      eventId: expect.stringMatching(/^evt_/),
      eventType: 'ORDER_PLACED',
      userId: placed.userId,
      metadata: { orderId: placed.orderId, lines: placed.lines, total: { amount: 2598, currency: 'USD' }, paymentMethod: 'CARD', correlationId: placed.orderId },
      timestamp: at,
      source: 'shoplane.orders',
    });
  });

  it.each([
    ['created', 'ORDER_PLACED'],
    ['confirmed', 'ORDER_CONFIRMED'],
    ['failed', 'ORDER_FAILED'],
    ['cancelled', 'ORDER_CANCELLED'],
    ['paid', 'PAYMENT_CAPTURED'],
    ['refunded', 'PAYMENT_REFUNDED'],
    ['completed', 'ORDER_COMPLETED'],
  ] as const)('names an order %s event %s', (fact, logType) => {
    expect(logEntryOf(event(order([line(mug, 1, 100)])[fact](at))).eventType).toBe(logType);
  });

  it('logs inventory\'s direct message as STOCK_COMMITTED from inventory, without a user', () => {
    // Prepare
    const message = stockCommitted(mug, 3, at);

    // Act
    const entry = logEntryOf({ kind: 'message', message });

    // Assess
    expect(entry).toEqual({ eventId: message.eventId, eventType: 'STOCK_COMMITTED', metadata: message.metadata, timestamp: at, source: 'shoplane.inventory' });
  });
});

describe('what an event adds to the numbers', () => {
  it('counts a placed order on its day and currency, and remembers the currency for the order\'s end', () => {
    // Prepare
    const placed = order([line(mug, 1, 500, 'EUR')]);

    // Act
    const plan = planIngest(event(placed.created(at)));

    // Assess
    expect(plan.counters).toEqual([{ kind: 'orders', day, currency: 'EUR', add: { ordersCreated: 1 } }]);
    expect(plan.order).toEqual({ facts: { orderId: placed.orderId, currency: 'EUR', pending: [] }, expectedVersion: 0 });
  });

  it('counts a confirmed order\'s revenue and every line\'s units, adding up lines of one product', () => {
    // Prepare
    const confirmed = order([line(mug, 2, 1299), line(kettle, 1, 3499, 'USD', 'Kettle'), line(mug, 1, 1299)]).confirmed(at);

    // Act
    const plan = planIngest(event(confirmed));

    // Assess
    expect(plan.counters).toEqual([
      { kind: 'orders', day, currency: 'USD', add: { ordersConfirmed: 1, revenue: 7396 } },
      { kind: 'units', day, productId: mug, name: 'Enamel mug', units: 3 },
      { kind: 'units', day, productId: kettle, name: 'Kettle', units: 1 },
    ]);
    expect(plan.order).toBeUndefined();
  });

  it('counts a refund\'s money on its day', () => {
    expect(planIngest(event(order([line(mug, 2, 1299, 'INR')]).refunded(at))).counters).toEqual([{ kind: 'orders', day, currency: 'INR', add: { refunded: 2598, refunds: 1 } }]);
  });

  it('counts an order\'s end in the currency its creation told', () => {
    // Prepare
    const placed = order([line(mug, 1, 900, 'GBP')]);
    const facts: OrderFacts = { orderId: placed.orderId, currency: 'GBP', pending: [], version: 1 };

    // Act
    const failed = planIngest(event(placed.failed('2026-03-03T08:00:00.000Z')), facts);
    const cancelled = planIngest(event(placed.cancelled('2026-03-03T09:00:00.000Z')), facts);

    // Assess
    expect(failed.counters).toEqual([{ kind: 'orders', day: '2026-03-03', currency: 'GBP', add: { ordersFailed: 1 } }]);
    expect(cancelled.counters).toEqual([{ kind: 'orders', day: '2026-03-03', currency: 'GBP', add: { ordersCancelled: 1 } }]);
    expect(failed.order).toBeUndefined();
  });

  it('keeps an end that overtook the order\'s creation, and counts it, on its own day, when the creation arrives', () => {
    // Prepare
    const placed = order([line(mug, 1, 900)]);
    const failedEvent = placed.failed('2026-03-03T08:00:00.000Z');

    // Act
    const early = planIngest(event(failedEvent));
    const late = planIngest(event(placed.created(at)), { orderId: placed.orderId, pending: early.order?.facts.pending ?? [], version: 1 });

    // Assess
    expect(early.counters).toEqual([]);
    expect(early.order).toEqual({ facts: { orderId: placed.orderId, pending: [{ measure: 'ordersFailed', day: '2026-03-03', eventId: failedEvent.eventId }] }, expectedVersion: 0 });
    expect(late.counters).toEqual([
      { kind: 'orders', day, currency: 'USD', add: { ordersCreated: 1 } },
      { kind: 'orders', day: '2026-03-03', currency: 'USD', add: { ordersFailed: 1 } },
    ]);
    expect(late.order).toEqual({ facts: { orderId: placed.orderId, currency: 'USD', pending: [] }, expectedVersion: 1 });
  });

  it('merges an end and a creation of the same day into one counter change', () => {
    // Prepare
    const placed = order([line(mug, 1, 900)]);

    // Act
    const plan = planIngest(event(placed.created(at)), { orderId: placed.orderId, pending: [{ measure: 'ordersCancelled', day, eventId: newId('evt') }], version: 1 });

    // Assess
    expect(plan.counters).toEqual([{ kind: 'orders', day, currency: 'USD', add: { ordersCreated: 1, ordersCancelled: 1 } }]);
  });

  it.each(['paid', 'completed'] as const)('logs a payment or checkout %s event and counts nothing: the order\'s own events count it', (fact) => {
    expect(planIngest(event(order([line(mug, 1, 100)])[fact](at))).counters).toEqual([]);
  });
});

describe('the size of the transaction', () => {
  const linesOf = (products: string[]) => products.map((productId, index) => line(productId, (index % 99) + 1, 100 + index));

  it(`fits every order the shop can take (up to ${cartLimits.maxLines} lines) in one transaction of at most ${maxTransactionItems} items`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: cartLimits.maxLines }), (lineCount) => {
        const plan = planIngest(event(order(linesOf(Array.from({ length: lineCount }, () => newId('prd')))).confirmed(at)));
        expect(transactionItemsOf(plan)).toBe(2 + lineCount);
        expect(transactionItemsOf(plan)).toBeLessThanOrEqual(maxTransactionItems);
      }),
    );
  });

  it('refuses, before writing anything, an event whose changes would not fit in one transaction', async () => {
    // Prepare
    const recorded: IngestPlan[] = [];
    const store: IngestStore = { orderFacts: async () => undefined, record: async (plan) => (recorded.push(plan), 'recorded') };
    const huge = order(linesOf(Array.from({ length: maxTransactionItems }, () => newId('prd')))).confirmed(at);

    // Act
    const ingesting = ingest({ store }, event(huge));

    // Assess
    await expect(ingesting).rejects.toBeInstanceOf(TooManyChangesError);
    expect(recorded).toEqual([]);
  });
});
