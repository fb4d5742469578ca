import { describe, expect, it } from 'vitest';
import { failureMessage, isSettled, statusLabel, type OrderStatus } from './order-status.js';

describe('order status', () => {
  it('settles on CONFIRMED, FAILED and CANCELLED only', () => {
    expect(['CREATED', 'PAYMENT_PENDING', 'CONFIRMED', 'FAILED', 'CANCELLED'].filter((status) => isSettled(status as OrderStatus))).toEqual([
      'CONFIRMED',
      'FAILED',
      'CANCELLED',
    ]);
    expect(statusLabel('PAYMENT_PENDING')).toBe('Awaiting payment');
  });

  it('explains a decline and says the cart is kept', () => {
    expect(failureMessage('payment-declined')).toMatch(/declined.*cart still holds/);
    expect(failureMessage(undefined)).toBe('The order could not be completed. Nothing was charged.');
    expect(failureMessage('something-new')).toBe('The order could not be completed. Nothing was charged.');
  });
});
