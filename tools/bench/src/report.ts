/** docs/benchmarks.md's measured sections, from one run's results. No I/O. */
import type { CheckoutRun, Contention } from './checkout.js';
import type { ColdStart } from './cold-start.js';
import { prices, type CostLine } from './cost-model.js';
import type { EndpointResult } from './endpoints.js';
import { storageRequests, sumOf, type ShopCounts } from './shop-counts.js';
import { againstFloor, type Summary } from './stats.js';

export const targets = { readP50: 1.3, coldStart: 1.2, checkout: 0.5 } as const;

export interface BenchResults {
  measuredOn: string;
  machine: string;
  cores: number;
  node: string;
  minutes: number;
  endpoints: EndpointResult[];
  writes: Record<string, Summary>;
  checkout: { runs: CheckoutRun[]; counted: CheckoutRun; bound: number; writesPerCheckout: Record<string, number> };
  contention: Contention;
  cost: { lines: CostLine[]; standard: number; express: number };
  coldStarts: ColdStart[];
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '—');
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');
const rate = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 1 : 0) : '—');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const count = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
const usd = (value: number) => `$${value.toFixed(2)}`;

function roundTrips(counts: ShopCounts): string {
  const dynamo = sumOf(storageRequests(counts, 'read')) + sumOf(storageRequests(counts, 'write'));
  const invocations = Object.values(counts.invocations).reduce((sum, fn) => sum + fn.count, 0);
  const others = Object.entries(counts.requests).filter(([key]) => !key.startsWith('DynamoDB'));
  return [`${count(dynamo)} DynamoDB`, `${count(invocations)} Lambda`, ...others.map(([key, value]) => `${count(value)} ${key}`)].join(', ');
}

export function endpointTable(endpoints: EndpointResult[]): string {
  const rows = [
    '| endpoint | in flight | requests | failed | p50 ms | p99 ms | req/s | floor p50 | floor p99 | floor/s | p50 × floor | p99 × floor | req/s × floor |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const endpoint of endpoints) {
    for (const run of endpoint.runs.filter((candidate) => [1, 10].includes(candidate.concurrency))) {
      const ratios = run.floor ? againstFloor(run.endpoint, run.floor) : undefined;
      rows.push(
        `| ${endpoint.name} | ${run.concurrency} | ${run.endpoint.count} | ${run.endpoint.failures} | ${ms(run.endpoint.p50)} | ${ms(run.endpoint.p99)} | ${rate(run.endpoint.perSecond)} | ` +
          `${run.floor ? `${ms(run.floor.p50)} | ${ms(run.floor.p99)} | ${rate(run.floor.perSecond)}` : '— | — | —'} | ` +
          `${ratios ? `${times(ratios.p50)} | ${times(ratios.p99)} | ${times(ratios.perSecond)}` : '— | — | —'} |`,
      );
    }
  }
  return rows.join('\n');
}

export function roundTripTable(endpoints: EndpointResult[], perCheckout: ShopCounts | undefined): string {
  const rows = ['| call | storage requests it makes (traced) | round trips per call (counted) | shop CPU ms per call |', '|---|---|---|---:|'];
  for (const endpoint of endpoints) rows.push(`| ${endpoint.name} | ${endpoint.storage.join(' → ') || '—'} | ${roundTrips(endpoint.perRequest)} | ${ms(endpoint.perRequest.cpuMs)} |`);
  if (perCheckout) rows.push(`| checkout (POST /orders to CONFIRMED, all that follows) | see below | ${roundTrips(perCheckout)} | ${ms(perCheckout.cpuMs)} |`);
  return rows.join('\n');
}

/** Reads whose p50 is more than `targets.readP50` × their floor, at any measured concurrency. */
export function readsAboveTarget(endpoints: EndpointResult[]): string[] {
  return endpoints.flatMap((endpoint) =>
    endpoint.runs
      .filter((run) => run.floor && [1, 10].includes(run.concurrency))
      .map((run) => ({ run, ratio: run.floor ? againstFloor(run.endpoint, run.floor).p50 : Number.NaN }))
      .filter(({ ratio }) => ratio > targets.readP50)
      .map(({ run, ratio }) => `${endpoint.name} at ${run.concurrency} in flight: p50 ${times(ratio)} its floor (${ms(run.endpoint.p50)} vs ${ms(run.floor?.p50 ?? Number.NaN)} ms)`),
  );
}

export function checkoutTable(runs: CheckoutRun[]): string {
  const rows = [
    '| in flight | orders | outcomes | POST /orders p50 | p99 | order → execution end p50 | p99 | confirmed/s | transitions / execution | execution s (median) |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const run of runs) {
    const outcomes = Object.entries(run.outcomes).map(([status, value]) => `${value} ${status}`).join(', ');
    rows.push(
      `| ${run.concurrency} | ${run.orders} | ${outcomes} | ${ms(run.post.p50)} | ${ms(run.post.p99)} | ${ms(run.endToEnd.p50)} | ${ms(run.endToEnd.p99)} | ${rate(run.confirmedPerSecond)} | ${count(run.transitions)} | ${run.executionSeconds.toFixed(2)} |`,
    );
  }
  return rows.join('\n');
}

export function perCheckoutTable(counts: ShopCounts): string {
  const rows = ['| what | per confirmed checkout |', '|---|---:|'];
  for (const [key, value] of Object.entries(counts.requests).sort()) rows.push(`| ${key}${counts.capacity[key] ? ` (${count(counts.capacity[key] ?? 0)} capacity units reported)` : ''} | ${count(value)} |`);
  for (const [key, value] of Object.entries(counts.entries)) rows.push(`| ${key} entries (events) | ${count(value)} |`);
  for (const [name, fn] of Object.entries(counts.invocations).sort()) {
    rows.push(`| Lambda ${name}${fn.sqsMessages > 0 ? ` (${count(fn.sqsMessages)} SQS messages)` : ''} | ${count(fn.count)} × ${ms(fn.totalMs / Math.max(fn.count, 1e-9))} ms |`);
  }
  return rows.join('\n');
}

export function writeTable(writes: Record<string, Summary>): string {
  const rows = ['| write (scratch table, same DynamoDB Local) | requests | p50 ms | p99 ms | per second |', '|---|---:|---:|---:|---:|'];
  for (const [kind, summary] of Object.entries(writes)) rows.push(`| ${kind} | ${summary.count} | ${ms(summary.p50)} | ${ms(summary.p99)} | ${rate(summary.perSecond)} |`);
  return rows.join('\n');
}

export function costTable(cost: BenchResults['cost']): string {
  const rows = ['| line | per checkout | USD per million checkouts |', '|---|---|---:|'];
  for (const line of cost.lines) rows.push(`| ${line.item} | ${line.quantity} | ${usd(line.usd)} |`);
  rows.push(`| **total with Step Functions Standard** | | **${usd(cost.standard)}** |`, `| **total with Step Functions Express instead** | | **${usd(cost.express)}** |`);
  return rows.join('\n');
}

export function priceTable(): string {
  const entries: [string, string][] = [
    ['Lambda requests', `$${prices.lambdaRequestPerMillion} per million`],
    ['Lambda duration, arm64', `$${prices.lambdaArmGbSecond} per GB-second`],
    ['DynamoDB on-demand writes', `$${prices.dynamoWriteUnitPerMillion} per million write request units`],
    ['DynamoDB on-demand reads', `$${prices.dynamoReadUnitPerMillion} per million read request units`],
    ['Step Functions Standard', `$${prices.stepFunctionsStandardPerThousandTransitions} per 1,000 state transitions`],
    ['Step Functions Express', `$${prices.stepFunctionsExpressRequestPerMillion} per million requests + $${prices.stepFunctionsExpressGbSecond} per GB-second`],
    ['EventBridge custom events', `$${prices.eventBridgeCustomEventPerMillion} per million`],
    ['SQS standard requests', `$${prices.sqsRequestPerMillion} per million`],
    ['SES outbound e-mail', `$${prices.sesEmailPerThousand} per 1,000`],
    ['SNS SMS to US numbers', `$${prices.snsSmsUsEach} each (carrier fees extra) + $${prices.snsPublishPerMillion} per million publishes`],
    ['API Gateway HTTP API', `$${prices.httpApiRequestPerMillion} per million requests`],
  ];
  return ['| service | list price |', '|---|---|', ...entries.map(([service, price]) => `| ${service} | ${price} |`)].join('\n');
}

export function coldStartTable(coldStarts: ColdStart[]): string {
  const rows = ['| handler bundle | minified | import ms (median) | its SDK clients alone ms | ratio | what dominates the bundle |', '|---|---:|---:|---:|---:|---|'];
  for (const bundle of coldStarts) {
    const flag = bundle.ratio > targets.coldStart ? ' **above**' : '';
    const top = bundle.contributors.slice(0, 3).map((contributor) => `${contributor.name} ${kb(contributor.bytes)}`).join(', ');
    rows.push(`| ${bundle.name} | ${kb(bundle.bytes)} | ${ms(bundle.importMs)} | ${ms(bundle.sdkImportMs)} | ${times(bundle.ratio)}${flag} | ${top} |`);
  }
  return rows.join('\n');
}
