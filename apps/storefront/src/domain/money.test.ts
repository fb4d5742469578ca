import { describe, expect, it } from 'vitest';
import { formatMoney, parseMajorAmount, toMajorText } from './money.js';

describe('formatMoney', () => {
  it('shows minor units in the currency of the amount', () => {
    expect(formatMoney({ amount: 1299, currency: 'USD' })).toBe('$12.99');
    expect(formatMoney({ amount: 1500, currency: 'JPY' })).toBe('¥1,500');
    expect(formatMoney({ amount: 123456, currency: 'INR' })).toBe('₹1,234.56');
  });

  it('keeps exact cents on large totals', () => {
    expect(formatMoney({ amount: 123456789, currency: 'EUR' })).toBe('€1,234,567.89');
  });
});

describe('parseMajorAmount', () => {
  it('turns a typed price into minor units', () => {
    expect(parseMajorAmount('12.99', 'USD')).toBe(1299);
    expect(parseMajorAmount('12.5', 'USD')).toBe(1250);
    expect(parseMajorAmount(' 12 ', 'USD')).toBe(1200);
    expect(parseMajorAmount('1500', 'JPY')).toBe(1500);
  });

  it('refuses what is not a price in that currency', () => {
    expect(parseMajorAmount('12.999', 'USD')).toBeUndefined();
    expect(parseMajorAmount('1.5', 'JPY')).toBeUndefined();
    expect(parseMajorAmount('-3', 'USD')).toBeUndefined();
    expect(parseMajorAmount('ten', 'USD')).toBeUndefined();
    expect(parseMajorAmount('', 'USD')).toBeUndefined();
  });

  it('round-trips with the text a price input shows', () => {
    expect(parseMajorAmount(toMajorText({ amount: 1005, currency: 'USD' }), 'USD')).toBe(1005);
  });
});
