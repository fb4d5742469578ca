import { describe, expect, it } from 'vitest';
import { againstFloor, checkoutBound, confirmedPerSecond, median, ratio, summarize } from './stats.js';

describe('bench arithmetic', () => {
  it('summarizes latencies into nearest-rank p50 and p99 and a rate over the run', () => {
    const latencies = Array.from({ length: 100 }, (_, index) => 100 - index);

    const summary = summarize(latencies, 4);

    expect(summary).toEqual({ count: 100, p50: 50, p99: 99, perSecond: 25 });
  });

  it('takes the middle of an odd count and the mean of the two middles of an even one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('gives an endpoint as a ratio to its storage floor, and no ratio to a zero floor', () => {
    const endpoint = { count: 10, p50: 2.6, p99: 10, perSecond: 300 };
    const floor = { count: 10, p50: 2, p99: 4, perSecond: 600 };

    expect(againstFloor(endpoint, floor)).toEqual({ p50: 1.3, p99: 2.5, perSecond: 0.5 });
    expect(ratio(1, 0)).toBeNaN();
  });

  it('bounds checkouts by the time their writes occupy the store, charging unmeasured kinds at the fallback rate', () => {
    // 2 transactions at 100/s (20 ms) + 4 updates at 400/s (10 ms) + 1 delete at the put rate 200/s (5 ms) = 35 ms.
    const bound = checkoutBound({ TransactWriteItems: 2, UpdateItem: 4, DeleteItem: 1 }, { TransactWriteItems: 100, UpdateItem: 400, PutItem: 200 }, 'PutItem');

    expect(bound).toBeCloseTo(1000 / 35, 6);
    expect(checkoutBound({}, { PutItem: 1 }, 'PutItem')).toBeNaN();
  });

  it('counts confirmed orders per second from the first order sent to the last one settled', () => {
    expect(confirmedPerSecond(50, 1_000, 6_000)).toBe(10);
    expect(confirmedPerSecond(5, 1_000, 1_000)).toBeNaN();
  });
});
