import type { OrderCheckoutStalled } from '@shoplane/contracts';
import { describe, expect, it } from 'vitest';
import type { OrderSettlement } from './backstop.js';
import type { CheckoutExecutions, StartOutcome } from './checkout-start.js';
import { resumeStalledCheckout } from './stalled-checkout.js';

const orderId = 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V';

function stalled(action: OrderCheckoutStalled['data']['action'], status: OrderCheckoutStalled['data']['status'] = 'CREATED') {
  return { correlationId: 'corr-1', data: { orderId, userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V', status, action, placedAt: '2026-12-01T10:00:00.000Z' } };
}

/** Records every call in order; Step Functions answers `start` as told, orders fails the order unless told it is confirmed. */
function world(start: StartOutcome, order: 'FAILED' | 'CANCELLED' | 'refused' = 'FAILED') {
  const calls: string[] = [];
  const executions: CheckoutExecutions = { start: async (input) => (calls.push(`start ${input.orderId} ${input.correlationId}`), start) };
  const settlement: OrderSettlement = {
    failOrder: async (id, reason) => (calls.push(`failOrder ${id} ${reason}`), order),
    releaseReservation: async (id) => (calls.push(`releaseReservation ${id}`), 'released'),
    refundPayment: async (id) => (calls.push(`refundPayment ${id}`), 'NOTHING_TO_REFUND'),
  };
  return { calls, deps: { executions, settlement } };
}

describe('a stalled checkout, as the sweeper reports it', () => {
  it('is restarted under the order id with the order correlation id, and nothing is undone', async () => {
    const { calls, deps } = world('started');

    const outcome = await resumeStalledCheckout(deps, stalled('restart'));

    expect(outcome).toEqual({ action: 'restarted' });
    expect(calls).toEqual([`start ${orderId} corr-1`]);
  });

  it('gets the backstop compensation when its execution has ended and left the order open', async () => {
    const { calls, deps } = world('already-started');

    const outcome = await resumeStalledCheckout(deps, stalled('restart', 'PAYMENT_PENDING'));

    expect(outcome).toEqual({ action: 'settled', order: 'FAILED', release: 'released', refund: 'NOTHING_TO_REFUND' });
    expect(calls).toEqual([`start ${orderId} corr-1`, `failOrder ${orderId} internal-error`, `releaseReservation ${orderId}`, `refundPayment ${orderId}`]);
  });

  it.each(['abandon', 'settle'] as const)('is compensated without a new execution when the sweeper says %s', async (action) => {
    const { calls, deps } = world('started');

    await resumeStalledCheckout(deps, stalled(action, action === 'settle' ? 'FAILED' : 'CREATED'));

    expect(calls).toEqual([`failOrder ${orderId} internal-error`, `releaseReservation ${orderId}`, `refundPayment ${orderId}`]);
  });

  it('leaves an order orders will not fail (it was confirmed meanwhile) paid and committed', async () => {
    const { calls, deps } = world('already-started', 'refused');

    const outcome = await resumeStalledCheckout(deps, stalled('abandon'));

    expect(outcome).toEqual({ action: 'left-alone' });
    expect(calls).toEqual([`failOrder ${orderId} internal-error`]);
  });
});
