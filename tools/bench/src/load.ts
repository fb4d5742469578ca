import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { summarize, type Summary } from './stats.js';

export interface PlannedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What one load run sends: `amount` requests in all, `connections` in flight, cycling through `requests`. */
export interface LoadSpec {
  url: string;
  connections: number;
  amount: number;
  requests: PlannedRequest[];
  /** Keep each answer's status, times and body (checkout reads the order ids from them). */
  keepBodies?: boolean;
}

export interface RequestOutcome {
  index: number;
  status: number;
  /** Wall-clock ms (Date.now) when the request was set up and when its answer arrived. */
  sentAt: number;
  respondedAt: number;
  body: string;
}

export interface LoadOutcome {
  /** Each answer's latency in ms, as autocannon timed it (its own histogram rounds to whole ms). */
  latencies: number[];
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  elapsedSeconds: number;
  outcomes: RequestOutcome[];
}

export interface LoadResult extends Summary {
  statuses: Record<string, number>;
  /** Answers that were not 2xx, plus connection errors. */
  failures: number;
  outcomes: RequestOutcome[];
}

const worker = fileURLToPath(new URL('./load-worker.ts', import.meta.url));
const run = promisify(execFile);

/** Runs autocannon in a child process (its CPU is not the shop's) and summarizes what it saw. */
export async function load(spec: LoadSpec): Promise<LoadResult> {
  const folder = mkdtempSync(join(tmpdir(), 'shoplane-bench-'));
  const file = join(folder, 'spec.json');
  try {
    writeFileSync(file, JSON.stringify(spec));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', worker, file], { maxBuffer: 256 * 1024 * 1024 });
    const outcome = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as LoadOutcome;
    const ok = Object.entries(outcome.statuses)
      .filter(([code]) => code.startsWith('2'))
      .reduce((sum, [, count]) => sum + count, 0);
    return {
      ...summarize(outcome.latencies, outcome.elapsedSeconds),
      statuses: outcome.statuses,
      failures: outcome.latencies.length - ok + outcome.errors,
      outcomes: outcome.outcomes,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
