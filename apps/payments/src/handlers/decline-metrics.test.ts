import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { metrics } from '../adapters/logger.js';
import { chargeRequest, paymentsTestbed, resultOf, type PaymentsTestbed } from '../test-support.js';

let bed: PaymentsTestbed;

beforeAll(async () => {
  bed = await paymentsTestbed();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const declinesCounted = (counted: { mock: { calls: unknown[][] } }) => counted.mock.calls.filter(([name]) => name === 'PaymentsDeclined').length;

describe('PaymentsDeclined', () => {
  it('counts a declined charge once, however often checkout asks again', async () => {
    const counted = vi.spyOn(metrics, 'count');
    const request = chargeRequest({ token: 'tok_chargeDeclinedInsufficientFunds' });

    expect(resultOf(await bed.pay(request))).toMatchObject({ status: 'DECLINED', reason: 'insufficient-funds' });
    await bed.pay(request);

    expect(declinesCounted(counted)).toBe(1);
  });

  it('counts nothing for a captured charge', async () => {
    const counted = vi.spyOn(metrics, 'count');

    expect(resultOf(await bed.pay(chargeRequest({ token: 'tok_visa' })))).toMatchObject({ status: 'CAPTURED' });

    expect(counted).not.toHaveBeenCalled();
  });
});
