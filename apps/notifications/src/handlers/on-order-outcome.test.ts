import { subscriptionBatch, subscriptionQueue } from '@shoplane/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newRecipient, notificationsTestbed, orderConfirmed, orderFailed, registered, userRegistered, type NotificationsTestbed } from '../test-support.js';

let bed: NotificationsTestbed;

beforeAll(async () => {
  bed = await notificationsTestbed();
});
afterEach(() => bed.outbox.clearFaults());
afterAll(() => bed.close());

const throttled = { status: 429, code: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' };

describe('OrderConfirmed subscription', () => {
  it('e-mails the confirmation with every line and the total, in text and HTML', async () => {
    const ada = await registered(bed, { name: 'Ada' });
    const event = orderConfirmed(ada.userId);

    const response = await bed.handlers.onOrderOutcome(subscriptionBatch(event));

    expect(response.batchItemFailures).toEqual([]);
    const confirmation = bed.emailsTo(ada.email).find((email) => email.tags['template'] === 'order-confirmation');
    expect(confirmation?.subject).toBe(`Your Shoplane order ${event.data.orderId} is confirmed`);
    expect(confirmation?.text).toContain('2 × Enamel mug at $12.99 = $25.98');
    expect(confirmation?.text).toContain('1 × Stovetop kettle at $34.99 = $34.99');
    expect(confirmation?.text).toContain('Total: $60.97');
    expect(confirmation?.html).toMatch(/Enamel mug<\/td><td[^>]*>2<\/td><td[^>]*>\$12\.99<\/td><td[^>]*>\$25\.98</);
    expect(confirmation?.html).toContain('$60.97</th>');
  });

  it('records the confirmation against the order', async () => {
    const ada = await registered(bed);
    const event = orderConfirmed(ada.userId);

    await bed.handlers.onOrderOutcome(subscriptionBatch(event));

    const items = await bed.itemsOf(ada.userId);
    expect(items.find((item) => item['template'] === 'order-confirmation')).toMatchObject({ status: 'SENT', orderId: event.data.orderId, eventId: event.eventId, attempts: 1 });
  });

  it('sends one confirmation and keeps one record when the event is delivered three times', async () => {
    const ada = await registered(bed);
    const event = orderConfirmed(ada.userId);

    for (let delivery = 0; delivery < 3; delivery++) await bed.handlers.onOrderOutcome(subscriptionBatch(event));

    expect(bed.emailsTo(ada.email).filter((email) => email.tags['template'] === 'order-confirmation')).toHaveLength(1);
    expect((await bed.itemsOf(ada.userId)).filter((item) => item['template'] === 'order-confirmation')).toHaveLength(1);
  });

  it('retries a throttled send with a pause in between and records how many calls it took', async () => {
    const ada = await registered(bed);
    bed.outbox.failNext('email', 2, throttled);
    const pausesBefore = bed.pauses.length;

    const response = await bed.handlers.onOrderOutcome(subscriptionBatch(orderConfirmed(ada.userId)));

    expect(response.batchItemFailures).toEqual([]);
    expect(bed.emailsTo(ada.email).filter((email) => email.tags['template'] === 'order-confirmation')).toHaveLength(1);
    expect((await bed.itemsOf(ada.userId)).find((item) => item['template'] === 'order-confirmation')).toMatchObject({ status: 'SENT', attempts: 3 });
    expect(bed.pauses.slice(pausesBefore)).toEqual([1, 2]);
  });

  it('records FAILED with SES\'s reason and leaves the event in the dead-letter queue when SES keeps failing', async () => {
    const ada = await registered(bed);
    const event = orderConfirmed(ada.userId);
    const queue = subscriptionQueue(bed.handlers.onOrderOutcome, { maxReceives: 3 });
    bed.outbox.failNext('email', Infinity, { status: 503, code: 'ServiceUnavailable', message: 'SES is down' });

    await queue.deliver(event);

    expect(queue.receivesOf(event.eventId)).toBe(3);
    expect(queue.deadLetters.map((letter) => (letter.event.detail as { eventId: string }).eventId)).toEqual([event.eventId]);
    const record = (await bed.itemsOf(ada.userId)).find((item) => item['template'] === 'order-confirmation');
    expect(record).toMatchObject({ status: 'FAILED', failureReason: 'provider-unavailable', attempts: 9 });
    expect(String(record?.['failureDetail'])).toContain('SES is down');
    expect(bed.emailsTo(ada.email).filter((email) => email.tags['template'] === 'order-confirmation')).toEqual([]);
  });

  it('sends it on a later delivery once SES recovers, on the same record', async () => {
    const ada = await registered(bed);
    const event = orderConfirmed(ada.userId);
    bed.outbox.failNext('email', 3, throttled);
    expect((await bed.handlers.onOrderOutcome(subscriptionBatch(event))).batchItemFailures).toHaveLength(1);
    const [failed] = (await bed.itemsOf(ada.userId)).filter((item) => item['template'] === 'order-confirmation');

    const response = await bed.handlers.onOrderOutcome(subscriptionBatch(event));

    expect(response.batchItemFailures).toEqual([]);
    const [sent, ...others] = (await bed.itemsOf(ada.userId)).filter((item) => item['template'] === 'order-confirmation');
    expect(others).toEqual([]);
    expect(sent).toMatchObject({ notificationId: failed?.['notificationId'], status: 'SENT', attempts: 4 });
    expect(sent?.['failureReason']).toBeUndefined();
  });

  it('calls SES once for a message it rejects, however often the event comes back, and dead-letters it', async () => {
    const ada = await registered(bed);
    const event = orderConfirmed(ada.userId);
    const queue = subscriptionQueue(bed.handlers.onOrderOutcome, { maxReceives: 3 });
    bed.outbox.failNext('email', 1, { status: 400, code: 'MessageRejected', message: 'Email address is not verified.' });
    bed.outbox.failNext('email', Infinity, throttled);

    await queue.deliver(event);

    expect(queue.deadLetters).toHaveLength(1);
    expect((await bed.itemsOf(ada.userId)).find((item) => item['template'] === 'order-confirmation')).toMatchObject({
      status: 'FAILED',
      failureReason: 'rejected',
      permanent: true,
      attempts: 1,
    });
  });

  it('waits for a customer it has not heard of yet, and sends once their UserRegistered arrives', async () => {
    const ada = newRecipient();
    const event = orderConfirmed(ada.userId);
    expect((await bed.handlers.onOrderOutcome(subscriptionBatch(event))).batchItemFailures).toHaveLength(1);
    expect((await bed.itemsOf(ada.userId))[0]).toMatchObject({ status: 'FAILED', failureReason: 'recipient-unknown', attempts: 0 });

    await bed.handlers.onUserRegistered(subscriptionBatch(userRegistered(ada)));
    const response = await bed.handlers.onOrderOutcome(subscriptionBatch(event));

    expect(response.batchItemFailures).toEqual([]);
    expect(bed.emailsTo(ada.email).map((email) => email.tags['template'])).toEqual(['welcome', 'order-confirmation']);
  });
});

describe('OrderFailed subscription', () => {
  it('e-mails why the order failed and that nothing is charged, leaving out the operator detail', async () => {
    const ada = await registered(bed);
    const event = orderFailed(ada.userId, 'payment-declined');

    const response = await bed.handlers.onOrderOutcome(subscriptionBatch(event));

    expect(response.batchItemFailures).toEqual([]);
    const notice = bed.emailsTo(ada.email).find((email) => email.tags['template'] === 'order-failure');
    expect(notice?.subject).toBe(`Your Shoplane order ${event.data.orderId} could not be completed`);
    expect(notice?.text).toContain('your payment was declined');
    expect(notice?.text).toContain('You are not charged for it');
    expect(notice?.html).toContain('your payment was declined');
    expect(notice?.text).not.toContain('card_declined');
    expect((await bed.itemsOf(ada.userId)).find((item) => item['template'] === 'order-failure')).toMatchObject({ status: 'SENT', orderId: event.data.orderId });
  });

  it('sends one notice when the event is delivered three times', async () => {
    const ada = await registered(bed);
    const event = orderFailed(ada.userId, 'out-of-stock');

    for (let delivery = 0; delivery < 3; delivery++) await bed.handlers.onOrderOutcome(subscriptionBatch(event));

    expect(bed.emailsTo(ada.email).filter((email) => email.tags['template'] === 'order-failure')).toHaveLength(1);
  });
});
