import { describe, expect, it } from 'vitest';
import { ListProductsQuery } from './catalogue.js';
import { queryInteger } from './query.js';

const limit = queryInteger({ min: 1, max: 100 });

describe('numbers in a query string', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['100', 100],
  ])('read %s as %i', (raw, value) => {
    expect(limit.parse(raw)).toBe(value);
  });

  it.each([
    ['hexadecimal', '0x10'],
    ['empty', ''],
    ['exponent notation', '1e2'],
    ['a decimal fraction', '10.0'],
    ['a sign', '+5'],
    ['a leading zero', '010'],
    ['surrounding spaces', ' 5'],
    ['a binary literal', '0b11'],
    ['Infinity', 'Infinity'],
    ['below the minimum', '0'],
    ['above the maximum', '101'],
  ])('refuse %s', (_case, raw) => {
    expect(limit.safeParse(raw).success).toBe(false);
  });

  it('name the parameter when a product listing gets one wrong', () => {
    const result = ListProductsQuery.safeParse({ limit: '0x10', minPrice: '' });

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['limit', 'minPrice']);
  });
});
