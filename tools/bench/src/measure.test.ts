import { describe, expect, it } from 'vitest';
import { measure, quantile } from './measure.js';

describe('bench measurements', () => {
  it('take nearest-rank quantiles', () => {
    const samples = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    expect(quantile(samples, 0.5)).toBe(5);
    expect(quantile(samples, 0.95)).toBe(10);
    expect(quantile(samples, 0)).toBe(1);
  });

  it('run exactly the requested number of requests and count the failed ones', async () => {
    const seen = new Set<number>();

    const result = await measure({ name: 'n', requests: 25, concurrency: 4, run: async (index) => (seen.add(index), index % 5 !== 0) });

    expect(seen.size).toBe(25);
    expect(result.errors).toBe(5);
    expect(result).toMatchObject({ name: 'n', requests: 25, concurrency: 4 });
  });
});
