import type { AnalyticsSummary, Currency, DomainEvent } from '@shoplane/contracts';
import { newId } from '@shoplane/lambda-kit';
import { subscriptionQueue } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, analyticsTestbed, bodyOf, line, order, stockCommitted, type AnalyticsTestbed, type TestOrder } from '../test-support.js';

const [mug, kettle, lamp, teapot] = [newId('prd'), newId('prd'), newId('prd'), newId('prd')];
const day1 = (time: string) => `2026-03-10T${time}.000Z`;
const day2 = (time: string) => `2026-03-11T${time}.000Z`;

/** A shop's two days, as its services' events tell them: confirmed, declined, cancelled and refunded orders in three currencies. */
function journey(): DomainEvent[] {
  const orders: [TestOrder, (o: TestOrder) => DomainEvent[]][] = [
    [order([line(mug, 2, 1299, 'USD', 'Enamel mug'), line(kettle, 1, 3499, 'USD', 'Kettle')]), (o) => [o.created(day1('09:00:00')), o.paid(day1('09:00:05')), o.confirmed(day1('09:00:07')), o.completed(day1('09:00:08'))]],
    [order([line(mug, 1, 1299)]), (o) => [o.created(day1('10:00:00')), o.failed(day1('10:00:03'))]],
    [order([line(teapot, 1, 2500, 'EUR', 'Teapot')]), (o) => [o.created(day1('11:00:00')), o.cancelled(day1('11:30:00'))]],
    [order([line(lamp, 1, 5000, 'USD', 'Lamp')]), (o) => [o.created(day1('23:59:00')), o.paid(day2('00:00:10')), o.failed(day2('00:00:40')), o.refunded(day2('00:00:41'))]],
    [order([line(mug, 5, 1100, 'EUR', 'Enamel mug')]), (o) => [o.created(day1('12:00:00')), o.paid(day1('12:00:02')), o.confirmed(day1('12:00:03'))]],
    [order([line(kettle, 3, 3499, 'USD', 'Stovetop kettle'), line(lamp, 1, 5000, 'USD', 'Lamp')]), (o) => [o.created(day2('08:00:00')), o.paid(day2('08:00:01')), o.confirmed(day2('08:00:02'))]],
    [order([line(teapot, 2, 99900, 'INR', 'Teapot')]), (o) => [o.created(day2('09:00:00')), o.failed(day2('09:05:00'))]],
    [order([line(mug, 1, 1299)]), (o) => [o.created(day2('23:00:00')), o.cancelled(day2('23:01:00'))]],
  ];
  return orders.flatMap(([placed, tell]) => tell(placed));
}

interface Sums {
  created: number;
  confirmed: number;
  failed: number;
  cancelled: number;
  revenue: number;
  refunded: number;
  refunds: number;
}

/** The summary of the days `from`..`to` the events say, worked out from the events alone. */
function expectedSummary(all: DomainEvent[], from: string, to: string, top: number): AnalyticsSummary {
  const currencyOf = new Map(all.flatMap((event) => (event.eventType === 'OrderCreated' ? [[event.data.orderId, event.data.total.currency] as const] : [])));
  const perCurrency = new Map<Currency, Sums>();
  const units = new Map<string, { units: number; name: string }>();
  const add = (currency: Currency | undefined, change: Partial<Sums>) => {
    if (!currency) return;
    const sums = perCurrency.get(currency) ?? { created: 0, confirmed: 0, failed: 0, cancelled: 0, revenue: 0, refunded: 0, refunds: 0 };
    for (const [key, amount] of Object.entries(change) as [keyof Sums, number][]) sums[key] += amount;
    perCurrency.set(currency, sums);
  };
  for (const event of all.filter((candidate) => candidate.occurredAt.slice(0, 10) >= from && candidate.occurredAt.slice(0, 10) <= to)) {
    if (event.eventType === 'OrderCreated') add(event.data.total.currency, { created: 1 });
    if (event.eventType === 'OrderFailed') add(currencyOf.get(event.data.orderId), { failed: 1 });
    if (event.eventType === 'OrderCancelled') add(currencyOf.get(event.data.orderId), { cancelled: 1 });
    if (event.eventType === 'PaymentRefunded') add(event.data.amount.currency, { refunded: event.data.amount.amount, refunds: 1 });
    if (event.eventType === 'OrderConfirmed') {
      add(event.data.total.currency, { confirmed: 1, revenue: event.data.total.amount });
      for (const sold of event.data.lines) units.set(sold.productId, { units: (units.get(sold.productId)?.units ?? 0) + sold.quantity, name: sold.name });
    }
  }
  const currencies = [...perCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, sums]) => ({
    currency,
    orders: { created: sums.created, confirmed: sums.confirmed, failed: sums.failed, cancelled: sums.cancelled },
    revenue: { amount: sums.revenue, currency },
    refunded: { amount: sums.refunded, currency },
    refunds: sums.refunds,
  }));
  const sum = (key: 'created' | 'confirmed' | 'failed' | 'cancelled') => currencies.reduce((total, entry) => total + entry.orders[key], 0);
  const topProducts = [...units]
    .map(([productId, sold]) => ({ productId, name: sold.name, units: sold.units }))
    .sort((a, b) => b.units - a.units || a.productId.localeCompare(b.productId))
    .slice(0, top);
  return { from, to, orders: { created: sum('created'), confirmed: sum('confirmed'), failed: sum('failed'), cancelled: sum('cancelled') }, currencies, topProducts };
}

let bed: AnalyticsTestbed;
const events = journey();
/** Inventory's direct messages for the confirmed orders' lines. */
const messages = events.flatMap((event) =>
  event.eventType === 'OrderConfirmed' ? event.data.lines.map((sold) => stockCommitted(sold.productId, sold.quantity, event.occurredAt, event.data.orderId)) : [],
);

beforeAll(async () => {
  bed = await analyticsTestbed();
  const queue = subscriptionQueue(bed.ingest);
  // Every event twice and the ends before the beginnings (the last event first), as an unordered, at-least-once queue may hand them over.
  const delivery = [...events].reverse();
  for (let start = 0; start < delivery.length; start += 5) await queue.deliver(...delivery.slice(start, start + 5));
  for (let start = 0; start < events.length; start += 5) await queue.deliver(...events.slice(start, start + 5));
  await queue.send(...messages.map(bodyOf), ...messages.map(bodyOf));
  if (queue.deadLetters.length + queue.deadLetteredMessages.length > 0) throw new Error('the journey left dead letters');
});

describe('after a journey of several orders, GET /analytics/summary', () => {
  it('matches exactly what the events say: counts, revenue and refunds per currency, and the best-selling products', async () => {
    // Act
    const response = await bed.summary(admin, { from: '2026-03-10', to: '2026-03-11', top: '3' });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expectedSummary(events, '2026-03-10', '2026-03-11', 3));
    expect((response.body as AnalyticsSummary).orders).toEqual({ created: 8, confirmed: 3, failed: 3, cancelled: 2 });
  });

  it('counts each day on its own: a range of one day holds only what happened that day', async () => {
    // Act
    const response = await bed.summary(admin, { from: '2026-03-11', to: '2026-03-11', top: '3' });

    // Assess
    expect(response.body).toEqual(expectedSummary(events, '2026-03-11', '2026-03-11', 3));
    // The lamp order was placed on day one and failed on day two: its failure counts on day two, in the currency its creation told.
    expect((response.body as AnalyticsSummary).orders).toEqual({ created: 3, confirmed: 1, failed: 2, cancelled: 1 });
  });

  it('lists every event and message once in the log, newest first', async () => {
    // Act
    const response = await bed.events(admin, { from: day1('00:00:00'), to: day2('23:59:59'), limit: '100' });

    // Assess
    const logged = (response.body as { items: { eventId: string; timestamp: string }[] }).items;
    expect(logged.map((entry) => entry.eventId).sort()).toEqual([...events, ...messages].map((item) => item.eventId).sort());
    expect(logged.map((entry) => entry.timestamp)).toEqual(logged.map((entry) => entry.timestamp).sort().reverse());
  });
});
