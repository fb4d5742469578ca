import { describe, expect, it } from 'vitest';
import type { EndpointResult } from './endpoints.js';
import type { LoadResult } from './load.js';
import { coldStartTable, endpointTable, readsAboveTarget } from './report.js';
import { emptyCounts } from './shop-counts.js';

const answered = (p50: number, p99: number, perSecond: number): LoadResult => ({ count: 100, p50, p99, perSecond, statuses: { '200': 100 }, failures: 0, outcomes: [] });

const endpoint = (name: string, p50: number, floorP50: number): EndpointResult => ({
  name,
  read: true,
  storage: ['GetItem'],
  perRequest: emptyCounts(),
  runs: [
    { concurrency: 1, endpoint: answered(p50, 10, 300), floor: { count: 100, p50: floorP50, p99: 5, perSecond: 600 } },
    { concurrency: 5, endpoint: answered(p50 * 9, 10, 300), floor: { count: 100, p50: floorP50, p99: 5, perSecond: 600 } },
  ],
});

describe('the benchmark report', () => {
  it('names the reads above 1.3× their floor at p50, at the levels the target is set for', () => {
    const above = readsAboveTarget([endpoint('GET /products/{productId}', 1.2, 1), endpoint('GET /cart', 2.8, 2)]);

    // The product read is 1.2× at 1 in flight; the 10.8× at 5 in flight is a chart level, not a target level.
    expect(above).toEqual(['GET /cart at 1 in flight: p50 1.40× its floor (2.80 vs 2.00 ms)']);
  });

  it('puts each endpoint beside its floor and as a ratio to it', () => {
    const table = endpointTable([endpoint('GET /cart', 2.8, 2)]);

    expect(table).toContain('| GET /cart | 1 | 100 | 0 | 2.80 | 10.0 | 300 | 2.00 | 5.00 | 600 | 1.40× | 2.00× | 0.50× |');
    expect(table).not.toContain('| GET /cart | 5 |');
  });

  it('flags the bundles whose import costs more than 1.2× their SDK clients alone', () => {
    const bundle = { name: 'orders/create-order', file: 'x.mjs', bytes: 2048, sdkPackages: [], samples: 20, contributors: [{ name: 'zod', bytes: 1024 }], importMs: 130, sdkImportMs: 100, ratio: 1.3 };

    expect(coldStartTable([bundle])).toContain('| orders/create-order | 2.0 KB | 130.0 | 100.0 | 1.30× **above** | zod 1.0 KB |');
  });
});
