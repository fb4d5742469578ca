import { describe, expect, it } from 'vitest';
import { settleAbandonedCheckout, type OrderSettlement } from './backstop.js';

const orderId = 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V';

/** Records the calls in order and answers as told. */
function settlementAnswering(order: 'FAILED' | 'CANCELLED' | 'refused'): OrderSettlement & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    failOrder: async (id, reason) => (calls.push(`failOrder ${id} ${reason}`), order),
    releaseReservation: async (id) => (calls.push(`releaseReservation ${id}`), 'released'),
    refundPayment: async (id) => (calls.push(`refundPayment ${id}`), 'REFUNDED'),
  };
}

describe('the backstop for an execution that ended abnormally', () => {
  it.each(['FAILED', 'TIMED_OUT', 'ABORTED'] as const)('fails the order, then releases its stock and refunds it, after %s', async (status) => {
    const settlement = settlementAnswering('FAILED');

    const outcome = await settleAbandonedCheckout(settlement, { orderId, status });

    expect(settlement.calls).toEqual([`failOrder ${orderId} internal-error`, `releaseReservation ${orderId}`, `refundPayment ${orderId}`]);
    expect(outcome).toEqual({ action: 'settled', order: 'FAILED', release: 'released', refund: 'REFUNDED' });
  });

  it('still undoes what a cancelled order held', async () => {
    const settlement = settlementAnswering('CANCELLED');

    const outcome = await settleAbandonedCheckout(settlement, { orderId, status: 'TIMED_OUT' });

    expect(outcome).toMatchObject({ action: 'settled', order: 'CANCELLED' });
    expect(settlement.calls).toHaveLength(3);
  });

  it('leaves an order orders will not fail (it is confirmed) paid and committed', async () => {
    const settlement = settlementAnswering('refused');

    const outcome = await settleAbandonedCheckout(settlement, { orderId, status: 'ABORTED' });

    expect(outcome).toEqual({ action: 'left-alone' });
    expect(settlement.calls).toEqual([`failOrder ${orderId} internal-error`]);
  });

  it.each(['SUCCEEDED', 'RUNNING'] as const)('does nothing for an execution that is %s', async (status) => {
    const settlement = settlementAnswering('FAILED');

    const outcome = await settleAbandonedCheckout(settlement, { orderId, status });

    expect(outcome).toEqual({ action: 'ignored', status });
    expect(settlement.calls).toEqual([]);
  });
});
