import { describe, expect, it } from 'vitest';
import { maxMinorUnits, Money } from './money.js';

describe('Money', () => {
  it('accepts whole minor units with an ISO 4217 currency', () => {
    expect(Money.parse({ amount: 1299, currency: 'USD' })).toEqual({ amount: 1299, currency: 'USD' });
    expect(Money.safeParse({ amount: 0, currency: 'JPY' }).success).toBe(true);
    expect(Money.safeParse({ amount: maxMinorUnits, currency: 'EUR' }).success).toBe(true);
  });

  it.each([
    ['a decimal amount', { amount: 12.99, currency: 'USD' }],
    ['a negative amount', { amount: -1, currency: 'USD' }],
    ['an amount over the ceiling', { amount: maxMinorUnits + 1, currency: 'USD' }],
    ['an amount as a string', { amount: '1299', currency: 'USD' }],
    ['an unknown currency', { amount: 100, currency: 'XYZ' }],
    ['a lower-case currency', { amount: 100, currency: 'usd' }],
    ['an unknown field', { amount: 100, currency: 'USD', cents: true }],
  ])('rejects %s', (_case, value) => {
    expect(Money.safeParse(value).success).toBe(false);
  });
});
