import { newId } from '@shoplane/contracts';
import { subscriptionQueue } from '@shoplane/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { metrics } from '../adapters/dependencies.js';
import { notificationsTestbed, orderConfirmed, registered, type NotificationsTestbed } from '../test-support.js';

let bed: NotificationsTestbed;

beforeAll(async () => {
  bed = await notificationsTestbed();
});
afterEach(() => {
  bed.outbox.clearFaults();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});
afterAll(() => bed.close());

const countOf = (counted: { mock: { calls: unknown[][] } }, metric: string) => counted.mock.calls.filter(([name]) => name === metric).length;

describe('what notifications counts', () => {
  it('counts NotificationsFailed for each delivery that records the message FAILED, and MessagesDeadLettered once the queue gives up', async () => {
    vi.stubEnv('QUEUE_MAX_RECEIVE_COUNT', '3');
    const ada = await registered(bed);
    const event = orderConfirmed(ada.userId);
    const queue = subscriptionQueue(bed.handlers.onOrderOutcome, { maxReceives: 3 });
    bed.outbox.failNext('email', Infinity, { status: 503, code: 'ServiceUnavailable', message: 'SES is down' });
    const counted = vi.spyOn(metrics, 'count');

    await queue.deliver(event);

    expect(queue.deadLetters).toHaveLength(1);
    expect(countOf(counted, 'NotificationsFailed')).toBe(3);
    expect(countOf(counted, 'MessagesDeadLettered')).toBe(1);
  });

  it('counts a message the saga asked for that could not be sent, once however often it asks', async () => {
    const ada = await registered(bed);
    const request = { userId: ada.userId, type: 'SMS', message: 'Hi', orderId: newId('ord') };
    const counted = vi.spyOn(metrics, 'count');

    expect(await bed.handlers.sendNotification(request)).toMatchObject({ ok: true, result: { status: 'FAILED', reason: 'no-phone-number' } });
    await bed.handlers.sendNotification(request);

    expect(counted.mock.calls).toEqual([['NotificationsFailed']]);
  });

  it('counts nothing for a message sent', async () => {
    const ada = await registered(bed);
    const counted = vi.spyOn(metrics, 'count');

    expect(await bed.handlers.sendNotification({ userId: ada.userId, type: 'EMAIL', message: 'Hi', orderId: newId('ord') })).toMatchObject({ ok: true, result: { status: 'SENT' } });

    expect(counted).not.toHaveBeenCalled();
  });
});
