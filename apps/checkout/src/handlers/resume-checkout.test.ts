import type { OrderCheckoutStalled } from '@shoplane/contracts';
import { subscriptionBatch } from '@shoplane/testing';
import { describe, expect, it } from 'vitest';
import type { OrderSettlement } from '../domain/backstop.js';
import type { CheckoutExecutions } from '../domain/checkout-start.js';
import { resumeCheckoutHandler } from './resume-checkout.js';

const stalled = (orderId: string, eventId: string): OrderCheckoutStalled => ({
  eventId,
  eventType: 'OrderCheckoutStalled',
  source: 'shoplane.orders',
  occurredAt: '2026-12-01T10:05:00.000Z',
  correlationId: `corr-${orderId}`,
  data: { orderId, userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V', status: 'CREATED', action: 'restart', placedAt: '2026-12-01T10:00:00.000Z' },
});

const first = 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7A';
const second = 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7B';

const settlement: OrderSettlement = { failOrder: async () => 'FAILED', releaseReservation: async () => 'released', refundPayment: async () => 'NOTHING_TO_REFUND' };

describe('resume-checkout on OrderCheckoutStalled', () => {
  it('restarts each order it is asked to, and reports only the message whose start failed, so only it is retried', async () => {
    const started: string[] = [];
    const executions: CheckoutExecutions = {
      async start(input) {
        if (input.orderId === second) throw new Error('Step Functions is unavailable');
        started.push(input.orderId);
        return 'started';
      },
    };
    const batch = subscriptionBatch(stalled(first, 'evt_01JD8Z4M6Q5J3K2N1P0R9S8T7A'), stalled(second, 'evt_01JD8Z4M6Q5J3K2N1P0R9S8T7B'));

    const response = await resumeCheckoutHandler(() => ({ executions, settlement }))(batch);

    expect(started).toEqual([first]);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: batch.Records[1]?.messageId }]);
  });
});
