/** The bench's arithmetic: percentiles, ratios to a floor, and checkout's bound. No I/O. */
import { quantile } from './measure.js';

export interface Summary {
  count: number;
  p50: number;
  p99: number;
  /** Completed requests per second over the run. */
  perSecond: number;
}

export function summarize(latencies: readonly number[], elapsedSeconds: number): Summary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { count: sorted.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), perSecond: elapsedSeconds > 0 ? sorted.length / elapsedSeconds : Number.NaN };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function ratio(value: number, floor: number): number {
  return floor > 0 ? value / floor : Number.NaN;
}

/** An endpoint beside its storage floor: latency ratios (>1 is slower) and the throughput ratio (<1 is fewer per second). */
export function againstFloor(endpoint: Summary, floor: Summary): { p50: number; p99: number; perSecond: number } {
  return { p50: ratio(endpoint.p50, floor.p50), p99: ratio(endpoint.p99, floor.p99), perSecond: ratio(endpoint.perSecond, floor.perSecond) };
}

/**
 * The most checkouts per second the store allows: each checkout needs `writes[op]` write
 * requests of each kind, and the store does `throughput[op]` of that kind per second, so
 * one checkout occupies it for Σ writes/throughput seconds. A kind the bench did not
 * measure is charged at `fallback`'s rate.
 */
export function checkoutBound(writes: Readonly<Record<string, number>>, throughput: Readonly<Record<string, number>>, fallback: string): number {
  let seconds = 0;
  for (const [operation, count] of Object.entries(writes)) {
    const rate = throughput[operation] ?? throughput[fallback] ?? Number.NaN;
    seconds += count / rate;
  }
  return seconds > 0 ? 1 / seconds : Number.NaN;
}

/** Confirmed orders per second: how many were confirmed between the first order sent and the last one settling. */
export function confirmedPerSecond(confirmed: number, firstSentAt: number, lastSettledAt: number): number {
  const seconds = (lastSettledAt - firstSentAt) / 1000;
  return seconds > 0 ? confirmed / seconds : Number.NaN;
}
