import { newId } from '@shoplane/lambda-kit';
import { subscriptionBatch } from '@shoplane/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newRecipient, notificationsTestbed, orderConfirmed, registered, type NotificationsTestbed } from '../test-support.js';

let bed: NotificationsTestbed;

beforeAll(async () => {
  bed = await notificationsTestbed();
});
afterEach(() => bed.outbox.clearFaults());
afterAll(() => bed.close());

const call = (input: unknown) => bed.handlers.sendNotification(input);

/** A recipient who also gave a phone number (UserRegistered carries none, so it is stored directly). */
async function withPhone(phone = '+14155550123') {
  const recipient = { ...newRecipient(), phone };
  await bed.deps().recipients.save(recipient);
  return recipient;
}

describe('sendNotification (the checkout saga\'s SendNotification step)', () => {
  it('e-mails the message and answers SENT with the notification id', async () => {
    const ada = await registered(bed);
    const orderId = newId('ord');

    const answer = await call({ userId: ada.userId, type: 'EMAIL', message: 'Your parcel ships today.', orderId });

    expect(answer).toEqual({ ok: true, result: { notificationId: expect.stringMatching(/^ntf_/), status: 'SENT', attempts: 1, duplicate: false } });
    const email = bed.emailsTo(ada.email).find((candidate) => candidate.tags['template'] === 'message');
    expect(email?.subject).toBe(`About your Shoplane order ${orderId}`);
    expect(email?.text).toContain('Your parcel ships today.');
  });

  it('sends an SMS to the recipient\'s phone number', async () => {
    const bob = await withPhone('+14155550124');

    const answer = await call({ userId: bob.userId, type: 'SMS', message: 'Order confirmed.', idempotencyKey: 'sms-test-1' });

    expect(answer).toMatchObject({ ok: true, result: { status: 'SENT' } });
    expect(bed.smsTo('+14155550124')).toEqual([expect.objectContaining({ message: 'Shoplane: Order confirmed.', smsType: 'Transactional' })]);
    expect((await bed.itemsOf(bob.userId))[0]).toMatchObject({ channel: 'SMS', status: 'SENT' });
  });

  it('sends once per idempotency key, answering the first outcome to a retry', async () => {
    const ada = await registered(bed);
    const input = { userId: ada.userId, type: 'EMAIL', message: 'Once only.', idempotencyKey: `saga-${ada.userId}` };

    const first = await call(input);
    const retried = await call(input);

    if (!first.ok) throw new Error('the first request was refused');
    expect(retried).toEqual({ ok: true, result: { ...(first.result as object), duplicate: true } });
    expect(bed.emailsTo(ada.email).filter((email) => email.text?.includes('Once only.'))).toHaveLength(1);
  });

  it('sends one confirmation when the saga asks for it and the OrderConfirmed event arrives too', async () => {
    const ada = await registered(bed);
    const event = orderConfirmed(ada.userId);

    const answer = await call({ userId: ada.userId, type: 'EMAIL', template: 'order-confirmation', orderId: event.data.orderId, message: 'Order confirmed.' });
    await bed.handlers.onOrderOutcome(subscriptionBatch(event));

    expect(answer).toMatchObject({ ok: true, result: { status: 'SENT' } });
    expect(bed.emailsTo(ada.email).filter((email) => email.tags['template'] === 'order-confirmation')).toHaveLength(1);
  });

  it('sends the full confirmation, lines and total, when the saga says what was confirmed', async () => {
    const ada = await registered(bed);
    const { data } = orderConfirmed(ada.userId);

    await call({ userId: ada.userId, type: 'EMAIL', template: 'order-confirmation', orderId: data.orderId, message: 'Order confirmed.', order: { lines: data.lines, total: data.total } });

    const [email] = bed.emailsTo(ada.email).filter((candidate) => candidate.tags['template'] === 'order-confirmation');
    expect(email?.subject).toBe(`Your Shoplane order ${data.orderId} is confirmed`);
    expect(email?.text).toContain('Enamel mug');
    expect(email?.text).toContain('60.97');
    expect(email?.html).toContain('Stovetop kettle');
  });

  it('answers FAILED, never an error, when the provider keeps failing, and records it', async () => {
    const bob = await withPhone();
    bed.outbox.failNext('sms', Infinity, { status: 500, code: 'InternalError', message: 'SNS is down' });

    const answer = await call({ userId: bob.userId, type: 'SMS', message: 'Order confirmed.', orderId: newId('ord') });

    expect(answer).toMatchObject({ ok: true, result: { status: 'FAILED', reason: 'provider-unavailable', attempts: 3, duplicate: false } });
    expect((await bed.itemsOf(bob.userId))[0]).toMatchObject({ status: 'FAILED', failureReason: 'provider-unavailable', attempts: 3 });
  });

  it('tries again on the saga\'s retry of a FAILED message', async () => {
    const bob = await withPhone('+14155550125');
    const input = { userId: bob.userId, type: 'SMS', message: 'Order confirmed.', orderId: newId('ord') };
    bed.outbox.failNext('sms', 3, { status: 429, code: 'Throttled', message: 'Rate exceeded' });
    await call(input);

    const retried = await call(input);

    expect(retried).toMatchObject({ ok: true, result: { status: 'SENT', attempts: 4, duplicate: false } });
    expect(bed.smsTo('+14155550125')).toHaveLength(1);
  });

  it('answers FAILED with rejected, after one call, when SNS refuses the phone number', async () => {
    const bob = await withPhone('+1 (415) 555');

    const answer = await call({ userId: bob.userId, type: 'SMS', message: 'Order confirmed.', orderId: newId('ord') });

    expect(answer).toMatchObject({ ok: true, result: { status: 'FAILED', reason: 'rejected', attempts: 1 } });
    expect((await bed.itemsOf(bob.userId))[0]?.['failureDetail']).toContain('InvalidParameterException');
  });

  it('answers FAILED with no-phone-number for SMS to a customer without one', async () => {
    const ada = await registered(bed);

    const answer = await call({ userId: ada.userId, type: 'SMS', message: 'Hi', orderId: newId('ord') });

    expect(answer).toMatchObject({ ok: true, result: { status: 'FAILED', reason: 'no-phone-number', attempts: 0 } });
  });

  it('answers FAILED with recipient-unknown for a user it never heard of', async () => {
    const answer = await call({ userId: newId('usr'), type: 'EMAIL', message: 'Hi', orderId: newId('ord') });

    expect(answer).toMatchObject({ ok: true, result: { status: 'FAILED', reason: 'recipient-unknown' } });
  });

  it('refuses a request with neither an idempotency key nor an order id as a 422 problem', async () => {
    const answer = await call({ userId: newId('usr'), type: 'EMAIL', message: 'Hi' });

    expect(answer).toMatchObject({ ok: false, problem: { status: 422, errors: [{ path: 'idempotencyKey' }] } });
  });
});
