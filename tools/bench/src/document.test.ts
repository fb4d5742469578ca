import { describe, expect, it } from 'vitest';
import type { CheckoutRun } from './checkout.js';
import { benchmarksDocument } from './document.js';
import type { LoadResult } from './load.js';
import type { BenchResults } from './report.js';
import { emptyCounts } from './shop-counts.js';

const answered: LoadResult = { count: 20, p50: 40, p99: 90, perSecond: 50, statuses: { '201': 20 }, failures: 0, outcomes: [] };
const counted: CheckoutRun = {
  concurrency: 20,
  orders: 20,
  outcomes: { CONFIRMED: 20 },
  post: answered,
  endToEnd: { count: 20, p50: 900, p99: 1500, perSecond: 1 },
  confirmedPerSecond: 6,
  transitions: 15,
  executionSeconds: 0.8,
  toExecutionStartMs: 120,
  slowestStates: [{ name: 'ProcessPayment', ms: 300 }],
  perCheckout: { ...emptyCounts(), requests: { 'DynamoDB.TransactWriteItems': 3 }, cpuMs: 40 },
  shopBusy: 0.9,
  storeBusy: 0.4,
};
const results: BenchResults = {
  measuredOn: '2026-12-01 19:00 UTC',
  machine: '2 × Test CPU',
  cores: 2,
  node: 'v20.20.2',
  minutes: 7.5,
  endpoints: [],
  writes: { TransactWriteItems: { count: 100, p50: 10, p99: 20, perSecond: 60 } },
  checkout: { runs: [counted], counted, bound: 20, writesPerCheckout: { TransactWriteItems: 3 } },
  contention: { stock: 30, buyers: 100, outcomes: { CONFIRMED: 30, FAILED: 70 }, stockLeft: { availableStock: 0, reservedStock: 0 } },
  cost: { lines: [], standard: 600, express: 250 },
  coldStarts: [],
};

describe('docs/benchmarks.md as the bench writes it', () => {
  it('states when, where and on which Node it was measured, and embeds the chart', () => {
    const document = benchmarksDocument(results, 'benchmarks-latency.svg');

    expect(document).toContain('Measured 2026-12-01 19:00 UTC on 2 × Test CPU, Node v20.20.2; the whole bench took 7.5 minutes.');
    expect(document).toContain('![p50 and p99 latency against concurrency](benchmarks-latency.svg)');
  });

  it('sets checkout beside its bound, says when the target is missed and what the shop process was doing', () => {
    const document = benchmarksDocument(results, 'chart.svg');

    expect(document).toContain('checkout reaches **0.30×** its bound');
    expect(document).toContain('(target ≥ 0.5×, **not met**)');
    expect(document).toContain('used 90% of a core (40 ms of CPU per confirmed');
    expect(document).toContain('that process, not the store, is what limits checkout here');
    expect(document).toContain('30 CONFIRMED, 70 FAILED; 0 available, 0 reserved afterwards');
  });

  it('writes the price table with the date its prices were taken', () => {
    expect(benchmarksDocument(results, 'chart.svg')).toMatch(/list prices for us-east-1, written down on \d{4}-\d{2}-\d{2}/);
  });
});
