import type { NotificationPage } from '@shoplane/contracts';
import type { Caller } from '@shoplane/lambda-kit';
import { subscriptionBatch } from '@shoplane/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationsTestbed, orderConfirmed, orderFailed, registered, type NotificationsTestbed } from '../test-support.js';

let bed: NotificationsTestbed;

beforeAll(async () => {
  bed = await notificationsTestbed();
});
afterAll(() => bed.close());

const caller = (userId: string): Caller => ({ userId, role: 'customer' });
const pageOf = (body: unknown) => body as NotificationPage;

/** A customer with a welcome, two confirmations and a failure notice: four notifications, oldest first. */
async function customerWithHistory() {
  const ada = await registered(bed);
  const first = orderConfirmed(ada.userId);
  const second = orderConfirmed(ada.userId);
  const failed = orderFailed(ada.userId);
  for (const event of [first, second, failed]) await bed.handlers.onOrderOutcome(subscriptionBatch(event));
  return { ada, orders: [first.data.orderId, second.data.orderId, failed.data.orderId] };
}

describe('GET /notifications', () => {
  it('asks for a bearer token without one', async () => {
    const response = await bed.listAs(undefined);

    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });

  it('lists the caller\'s notifications newest first, with what the API shows and nothing internal', async () => {
    const { ada, orders } = await customerWithHistory();

    const response = await bed.listAs(caller(ada.userId));

    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const { items, nextCursor } = pageOf(response.body);
    expect(items.map((item) => [item.template, item.orderId])).toEqual([
      ['order-failure', orders[2]],
      ['order-confirmation', orders[1]],
      ['order-confirmation', orders[0]],
      ['welcome', undefined],
    ]);
    expect(items[0]).toEqual({
      notificationId: expect.stringMatching(/^ntf_/),
      channel: 'EMAIL',
      template: 'order-failure',
      status: 'SENT',
      subject: expect.stringContaining('could not be completed'),
      orderId: orders[2],
      attempts: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      sentAt: expect.any(String),
    });
    expect(nextCursor).toBeNull();
  });

  it('shows only the caller\'s own notifications', async () => {
    const { ada } = await customerWithHistory();
    const { ada: grace } = await customerWithHistory();

    const response = await bed.listAs(caller(grace.userId));

    const ids = new Set((await bed.itemsOf(ada.userId)).map((item) => item['notificationId']));
    const { items } = pageOf(response.body);
    expect(items).toHaveLength(4);
    expect(items.filter((item) => ids.has(item.notificationId))).toEqual([]);
  });

  it('answers an empty list to a caller with no notifications', async () => {
    const response = await bed.listAs(caller('usr_01JD8Z4M6Q5J3K2N1P0R9S8T7Z'));

    expect(response.body).toEqual({ items: [], nextCursor: null });
  });

  it('pages through every notification exactly once with limit and the cursor', async () => {
    const { ada } = await customerWithHistory();

    const first = pageOf((await bed.listAs(caller(ada.userId), { limit: '3' })).body);
    const second = pageOf((await bed.listAs(caller(ada.userId), { limit: '3', cursor: first.nextCursor ?? '' })).body);

    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(second).toEqual({ items: [expect.objectContaining({ template: 'welcome' })], nextCursor: null });
    const all = [...first.items, ...second.items].map((item) => item.notificationId);
    expect(all).toEqual([...all].sort().reverse());
  });

  it('refuses another caller\'s cursor with a 400, so no one pages through someone else\'s list', async () => {
    const { ada } = await customerWithHistory();
    const { ada: grace } = await customerWithHistory();
    const adasCursor = pageOf((await bed.listAs(caller(ada.userId), { limit: '1' })).body).nextCursor ?? '';

    const response = await bed.listAs(caller(grace.userId), { cursor: adasCursor });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: expect.stringContaining('invalid-cursor') });
  });

  it.each([
    ['garbled', 'not-a-cursor'],
    ['forged with a key outside the caller\'s list', ''],
  ])('refuses a %s cursor with a 400', async (_kind, given) => {
    const ada = await registered(bed);
    const forged = Buffer.from(
      JSON.stringify({ k: { PK: 'NOTIFICATION#x', SK: 'NOTIFICATION', GSI1PK: 'USER#usr_01JD8Z4M6Q5J3K2N1P0R9S8T7Z', GSI1SK: 'ntf_01JD8Z4M6Q5J3K2N1P0R9S8T7Z' }, s: `notifications#${ada.userId}` }),
    ).toString('base64url');

    const response = await bed.listAs(caller(ada.userId), { cursor: given || forged });

    expect(response.status).toBe(400);
  });

  it.each(['0', '101', 'ten'])('refuses limit=%s with a 422', async (limit) => {
    const response = await bed.listAs(caller('usr_01JD8Z4M6Q5J3K2N1P0R9S8T7Z'), { limit });

    expect(response.status).toBe(422);
  });
});
