import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a reliability test did, summed over the suite and printed once at its end. */
export interface SuiteCounts {
  casesTried: number;
  faultsInjected: number;
  ordersChecked: number;
  invariantViolations: number;
}

export const countsDirectoryVariable = 'SHOPLANE_RELIABILITY_COUNTS_DIR';
export const countsFile = 'counts.jsonl';

export const noCounts = (): SuiteCounts => ({ casesTried: 0, faultsInjected: 0, ordersChecked: 0, invariantViolations: 0 });

/** Adds one test's counts to the suite's (a line in the run's counts file; workers are separate processes). */
export function recordCounts(counts: Partial<SuiteCounts>): void {
  const directory = process.env[countsDirectoryVariable];
  if (!directory) return;
  appendFileSync(join(directory, countsFile), `${JSON.stringify({ ...noCounts(), ...counts })}\n`);
}

export function sumCounts(lines: readonly Partial<SuiteCounts>[]): SuiteCounts {
  const total = noCounts();
  for (const line of lines) for (const key of Object.keys(total) as (keyof SuiteCounts)[]) total[key] += line[key] ?? 0;
  return total;
}

/** The suite's closing line, exactly as issue #12 asks for it. */
export function countsLine(counts: SuiteCounts): string {
  return `reliability: cases tried ${counts.casesTried}, faults injected ${counts.faultsInjected}, orders checked ${counts.ordersChecked}, invariant violations ${counts.invariantViolations}`;
}
