import { subscriptionBatch } from '@shoplane/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRecipient, notificationsTestbed, testSender, userRegistered, type NotificationsTestbed } from '../test-support.js';

let bed: NotificationsTestbed;

beforeAll(async () => {
  bed = await notificationsTestbed();
});
afterAll(() => bed.close());

describe('UserRegistered subscription', () => {
  it('sends the new customer a welcome e-mail, in text and HTML, from the configured sender', async () => {
    const ada = newRecipient({ name: 'Ada' });

    const response = await bed.handlers.onUserRegistered(subscriptionBatch(userRegistered(ada)));

    expect(response.batchItemFailures).toEqual([]);
    const [email, ...others] = bed.emailsTo(ada.email);
    expect(others).toEqual([]);
    expect(email).toMatchObject({ from: testSender, subject: 'Welcome to Shoplane, Ada', tags: { template: 'welcome' } });
    expect(email?.text).toContain('Hi Ada,');
    expect(email?.html).toContain('<p>Hi Ada,</p>');
  });

  it('keeps the message as a SENT record and remembers where the customer\'s mail goes', async () => {
    const ada = newRecipient();
    const event = userRegistered(ada);

    await bed.handlers.onUserRegistered(subscriptionBatch(event));

    const [item, ...others] = await bed.itemsOf(ada.userId);
    expect(others).toEqual([]);
    expect(item).toMatchObject({ status: 'SENT', channel: 'EMAIL', template: 'welcome', attempts: 1, eventId: event.eventId, subject: 'Welcome to Shoplane, Ada Lovelace' });
    expect(String(item?.['notificationId'])).toMatch(/^ntf_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(await bed.deps().recipients.find(ada.userId)).toEqual(ada);
  });

  it('sends one e-mail and keeps one record when the same event is delivered three times', async () => {
    const ada = newRecipient();
    const event = userRegistered(ada);

    for (let delivery = 0; delivery < 3; delivery++) {
      expect((await bed.handlers.onUserRegistered(subscriptionBatch(event))).batchItemFailures).toEqual([]);
    }

    expect(bed.emailsTo(ada.email)).toHaveLength(1);
    expect(await bed.itemsOf(ada.userId)).toHaveLength(1);
  });

  it('sends one e-mail when copies of the event arrive in one batch and in concurrent batches', async () => {
    const ada = newRecipient();
    const event = userRegistered(ada);

    const responses = await Promise.all([
      bed.handlers.onUserRegistered(subscriptionBatch(event, event, event)),
      bed.handlers.onUserRegistered(subscriptionBatch(event)),
      bed.handlers.onUserRegistered(subscriptionBatch(event)),
    ]);
    // A copy that met another delivery mid-send is handed back to the queue; its redelivery finds it SENT.
    const redelivered = responses.flatMap((response) => response.batchItemFailures);
    for (const _copy of redelivered) expect((await bed.handlers.onUserRegistered(subscriptionBatch(event))).batchItemFailures).toEqual([]);

    expect(bed.emailsTo(ada.email)).toHaveLength(1);
    expect(await bed.itemsOf(ada.userId)).toHaveLength(1);
  });
});
