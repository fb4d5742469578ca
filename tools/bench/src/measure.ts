import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  requests: number;
  concurrency: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
}

/** Value at quantile q (0..1) of sorted samples, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface Scenario {
  name: string;
  requests: number;
  concurrency: number;
  /** One request; resolves true when the answer was the expected one. */
  run(index: number): Promise<boolean>;
}

/** Runs a bounded number of requests with a fixed number in flight, and summarises latencies. */
export async function measure(scenario: Scenario): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < scenario.requests) {
      const index = next++;
      const begin = performance.now();
      const ok = await scenario.run(index).catch(() => false);
      latencies.push(performance.now() - begin);
      if (!ok) errors++;
    }
  }
  await Promise.all(Array.from({ length: scenario.concurrency }, worker));
  const elapsed = performance.now() - started;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    name: scenario.name,
    requests: scenario.requests,
    concurrency: scenario.concurrency,
    errors,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    perSecond: (scenario.requests / elapsed) * 1000,
  };
}
