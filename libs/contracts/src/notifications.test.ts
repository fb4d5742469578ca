import { describe, expect, it } from 'vitest';
import { domainEvents } from './events.js';
import { listNotifications, sendNotification } from './notifications.js';
import { allOperations } from './index.js';

const userId = 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V';
const orderId = 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V';

describe('the notifications contract', () => {
  it('is part of the API', () => {
    expect(allOperations).toContain(listNotifications);
  });

  it('lets the saga ask for a message keyed by its order alone', () => {
    expect(sendNotification.input.safeParse({ userId, type: 'EMAIL', message: 'Confirmed.', orderId, template: 'order-confirmation' }).success).toBe(true);
  });

  it('refuses a request that names nothing to dedupe it by', () => {
    const parsed = sendNotification.input.safeParse({ userId, type: 'SMS', message: 'Hi' });

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['idempotencyKey']);
  });

  it('refuses an empty message and an unknown channel', () => {
    expect(sendNotification.input.safeParse({ userId, type: 'EMAIL', message: '   ', orderId }).success).toBe(false);
    expect(sendNotification.input.safeParse({ userId, type: 'PUSH', message: 'Hi', orderId }).success).toBe(false);
  });
});

describe('the order outcome events', () => {
  const envelope = { eventId: 'evt_01JD8Z4M6Q5J3K2N1P0R9S8T7V', source: 'shoplane.orders', occurredAt: '2026-12-01T10:00:00.000Z', correlationId: 'c-1' };
  const usd = (amount: number) => ({ amount, currency: 'USD' });

  it('describe a confirmed order with its priced lines and total', () => {
    const event = {
      ...envelope,
      eventType: 'OrderConfirmed',
      data: { orderId, userId, lines: [{ productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', name: 'Mug', unitPrice: usd(1299), quantity: 2, lineTotal: usd(2598) }], total: usd(2598), paymentId: 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V' },
    };

    expect(domainEvents.OrderConfirmed.safeParse(event).success).toBe(true);
  });

  it('describe a failed order with a stable reason and an optional detail', () => {
    const event = { ...envelope, eventType: 'OrderFailed', data: { orderId, userId, reason: 'out-of-stock' } };

    expect(domainEvents.OrderFailed.safeParse(event).success).toBe(true);
    expect(domainEvents.OrderFailed.safeParse({ ...event, data: { ...event.data, reason: 'bad luck' } }).success).toBe(false);
  });
});
