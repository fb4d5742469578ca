import { describe, expect, it } from 'vitest';
import { checkoutBlocker, parseQuantity, subtotalOf, unitCount } from './cart.js';

const line = (productId: string, quantity: number, amount: number, available = true) => ({
  productId,
  quantity,
  lineTotal: { amount, currency: 'USD' },
  available,
});

describe('cart math', () => {
  it('counts units and adds line totals exactly', () => {
    const lines = [line('prd_a', 2, 2598), line('prd_b', 1, 1)];

    expect(unitCount(lines)).toBe(3);
    expect(subtotalOf(lines, 'USD')).toEqual({ amount: 2599, currency: 'USD' });
  });

  it('blocks checkout for an empty cart or one with unavailable lines', () => {
    expect(checkoutBlocker([])).toBe('Your cart is empty.');
    expect(checkoutBlocker([line('prd_a', 1, 100, false)])).toBe('Remove the item that is no longer available first.');
    expect(checkoutBlocker([line('prd_a', 1, 100, false), line('prd_b', 1, 100, false)])).toBe('Remove the 2 items that are no longer available first.');
    expect(checkoutBlocker([line('prd_a', 1, 100)])).toBeUndefined();
  });

  it('accepts whole quantities from 1 to 99 only', () => {
    expect(parseQuantity('3')).toBe(3);
    expect(parseQuantity(' 99 ')).toBe(99);
    expect(parseQuantity('0')).toBeUndefined();
    expect(parseQuantity('100')).toBeUndefined();
    expect(parseQuantity('2.5')).toBeUndefined();
    expect(parseQuantity('')).toBeUndefined();
  });
});
