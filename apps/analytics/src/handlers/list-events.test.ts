import { newId } from '@shoplane/lambda-kit';
import { sqsBatch } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, analyticsTestbed, bodyOf, line, order, pageOf, stockCommitted, type AnalyticsTestbed } from '../test-support.js';

let bed: AnalyticsTestbed;
const ada = newId('usr');
const grace = newId('usr');
const adaOrders = [order([line(newId('prd'), 1, 100)], ada), order([line(newId('prd'), 1, 200)], ada)];
const graceOrder = order([line(newId('prd'), 1, 300)], grace);
const events = [
  adaOrders[0]?.created('2026-01-20T10:00:00.000Z'),
  adaOrders[0]?.confirmed('2026-02-03T10:00:00.000Z'),
  graceOrder.created('2026-02-10T10:00:00.000Z'),
  graceOrder.failed('2026-02-10T10:05:00.000Z'),
  adaOrders[1]?.created('2026-03-01T08:00:00.000Z'),
  adaOrders[1]?.cancelled('2026-03-01T08:10:00.000Z'),
].flatMap((event) => (event ? [event] : []));
const message = stockCommitted(newId('prd'), 1, '2026-03-05T12:00:00.000Z');
/** Everything above, newest first. */
const newestFirst = [...events.map((event) => ({ eventId: event.eventId, at: event.occurredAt })), { eventId: message.eventId, at: message.timestamp }]
  .sort((a, b) => (a.at < b.at ? 1 : -1))
  .map((entry) => entry.eventId);

beforeAll(async () => {
  bed = await analyticsTestbed();
  await bed.ingest(sqsBatch(...events.map(bodyOf), bodyOf(message)));
});

const ids = async (query: Record<string, string>) => pageOf(await bed.events(admin, query)).items.map((item) => item.eventId);

describe('GET /analytics/events', () => {
  it('lists the whole log of the range newest first, month by month', async () => {
    expect(await ids({ from: '2026-01-01T00:00:00.000Z', to: '2026-03-31T00:00:00.000Z' })).toEqual(newestFirst);
  });

  it('lists the last 31 days up to `to` when no range is asked', async () => {
    // From 2026-02-03T00:00: all but the order placed in January.
    expect(await ids({ to: '2026-03-06T00:00:00.000Z' })).toEqual(newestFirst.slice(0, 6));
  });

  it('lists one type through its index, over its whole history', async () => {
    const placed = pageOf(await bed.events(admin, { type: 'ORDER_PLACED' })).items;
    expect(placed.map((item) => [item.eventType, item.userId])).toEqual([['ORDER_PLACED', ada], ['ORDER_PLACED', grace], ['ORDER_PLACED', ada]]);
    expect(placed.map((item) => item.eventId)).toEqual(newestFirst.filter((eventId) => [events[0], events[2], events[4]].some((event) => event?.eventId === eventId)));
  });

  it('lists one user\'s events, and one user\'s events of one type, and nobody else\'s', async () => {
    const adas = pageOf(await bed.events(admin, { userId: ada })).items;
    const adasCancellations = pageOf(await bed.events(admin, { userId: ada, type: 'ORDER_CANCELLED' })).items;

    expect(adas.map((item) => item.eventType)).toEqual(['ORDER_CANCELLED', 'ORDER_PLACED', 'ORDER_CONFIRMED', 'ORDER_PLACED']);
    expect(adas.every((item) => item.userId === ada)).toBe(true);
    expect(adasCancellations.map((item) => item.eventType)).toEqual(['ORDER_CANCELLED']);
  });

  it('keeps to the range, both ends included', async () => {
    expect(await ids({ userId: grace, from: '2026-02-10T10:05:00.000Z', to: '2026-02-10T10:05:00.000Z' })).toEqual([events[3]?.eventId]);
  });

  it('pages with an opaque cursor across months, each entry once, and ends with a null cursor', async () => {
    // Act
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = pageOf(await bed.events(admin, { from: '2026-01-01T00:00:00.000Z', to: '2026-03-31T00:00:00.000Z', limit: '2', ...(cursor ? { cursor } : {}) }));
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.eventId));
      cursor = page.nextCursor;
    } while (cursor);

    // Assess
    expect(seen).toEqual(newestFirst);
  });

  it('pages a filtered listing too', async () => {
    const first = pageOf(await bed.events(admin, { userId: ada, limit: '3' }));
    const second = pageOf(await bed.events(admin, { userId: ada, limit: '3', cursor: first.nextCursor ?? '' }));

    expect([...first.items, ...second.items].map((item) => item.eventType)).toEqual(['ORDER_CANCELLED', 'ORDER_PLACED', 'ORDER_CONFIRMED', 'ORDER_PLACED']);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ['garbled', () => 'not-a-cursor'],
    ['issued for another user', async () => pageOf(await bed.events(admin, { userId: ada, limit: '1' })).nextCursor ?? ''],
  ])('answers 400 invalid-cursor for a cursor %s', async (_case, cursorOf) => {
    const response = await bed.events(admin, { userId: grace, cursor: await cursorOf() });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: expect.stringContaining('invalid-cursor') });
  });

  it('answers 422 for a whole-log range of more than 366 days, naming `query.from`', async () => {
    const response = await bed.events(admin, { from: '2024-01-01T00:00:00.000Z', to: '2026-03-31T00:00:00.000Z' });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ type: expect.stringContaining('invalid-range'), errors: [{ path: 'query.from' }] });
  });

  it.each([
    [{ limit: '0' }, 'query.limit'],
    [{ type: 'ORDER_SHIPPED' }, 'query.type'],
    [{ from: 'yesterday' }, 'query.from'],
    [{ colour: 'blue' }, 'query.colour'],
  ])('answers 422 for the query %j', async (query, path) => {
    const response = await bed.events(admin, query);

    expect(response.status).toBe(422);
    expect((response.body as { errors: { path: string }[] }).errors[0]?.path ?? '').toBe(path);
  });
});
