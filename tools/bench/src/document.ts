/** The whole of docs/benchmarks.md, written by `npm run bench` (a rerun overwrites it). No I/O. */
import { prices } from './cost-model.js';
import {
  checkoutTable,
  coldStartTable,
  costTable,
  endpointTable,
  perCheckoutTable,
  priceTable,
  readsAboveTarget,
  roundTripTable,
  targets,
  writeTable,
  type BenchResults,
} from './report.js';

function sampleRange(coldStarts: BenchResults['coldStarts']): string {
  const counts = coldStarts.map((bundle) => bundle.samples);
  const [low, high] = [Math.min(...counts), Math.max(...counts)];
  return low === high ? String(low) : `${low}–${high}`;
}

const busy = (share: number | undefined) => (share === undefined || !Number.isFinite(share) ? '—' : `${(share * 100).toFixed(0)}%`);

/** Said only when the numbers say it: a process near a full core is what a one-process local shop waits on. */
const limiter = (share: number | undefined) => (share !== undefined && share >= 0.8 ? ': that process, not the store, is what limits checkout here' : '');

function whereTimeGoes(run: BenchResults['checkout']['runs'][number]): string {
  const states = run.slowestStates.map((state) => `${state.name} ${state.ms.toFixed(0)} ms`).join(', ');
  return `- ${run.concurrency} in flight: ${run.toExecutionStartMs.toFixed(0)} ms from sending the order to its execution's start; slowest states (median) ${states}.`;
}

const list = (items: string[], none: string) => (items.length > 0 ? items.map((item) => `- ${item}`).join('\n') : `- ${none}`);

export function benchmarksDocument(results: BenchResults, chartFile: string): string {
  const { checkout, contention } = results;
  const checkoutRatio = checkout.counted.confirmedPerSecond / checkout.bound;
  const coldAbove = results.coldStarts
    .filter((bundle) => bundle.ratio > targets.coldStart)
    .map((bundle) => `${bundle.name}: ${bundle.ratio.toFixed(2)}× (${bundle.importMs.toFixed(0)} vs ${bundle.sdkImportMs.toFixed(0)} ms); biggest parts ${bundle.contributors.slice(0, 3).map((part) => `${part.name} ${(part.bytes / 1024).toFixed(0)} KB`).join(', ')}`);
  const writes = Object.entries(checkout.writesPerCheckout).map(([kind, value]) => `${value.toFixed(1)} ${kind}`).join(' + ');
  const stockLeft = `${contention.stockLeft.availableStock} available, ${contention.stockLeft.reservedStock} reserved afterwards`;
  return `# Benchmarks

Written by \`npm run bench\`; a rerun overwrites this file and [the chart](${chartFile}). Figures, never
timed assertions in tests.

Measured ${results.measuredOn} on ${results.machine}, Node ${results.node}; the whole bench took ${results.minutes.toFixed(1)} minutes.

**How it runs.** The bench starts the shop as a child process — \`npm start\`'s own entry
(tools/local/src/main.ts), in memory, on free ports — and waits for \`/health\`. Load comes from
autocannon 9 in further child processes (tools/bench/src/load-worker.ts), bounded by a request
count, so the client's work never lands on the shop's event loop. Latencies are autocannon's
per-response timings (its histogram rounds to whole milliseconds; the bench keeps the exact
values) as nearest-rank percentiles. Into the shop's process the bench loads
tools/bench/src/shop-instrumentation.ts (\`--import\`): it counts every AWS request the shop's code
sends (by service and operation, with the capacity DynamoDB reports) and every function
invocation with its duration, and records the DynamoDB requests one call makes. No production
module changes for it.

**Storage floor.** For each read endpoint, the very DynamoDB requests one call made (recorded
as they left the SDK) are replayed straight to the same DynamoDB Local from the bench's
process — no HTTP gateway, no handler — with the same request count and concurrency. The
ratio says what our code costs on top of the store. Target: reads ≤ ${targets.readP50}× their floor at p50.
What these figures are: a developer machine, DynamoDB Local on one JVM, every Lambda sharing
one Node event loop; they compare changes to our code, not AWS latencies.

## Endpoints beside their storage floor

${endpointTable(results.endpoints)}

Reads above ${targets.readP50}× their floor at p50:

${list(readsAboveTarget(results.endpoints), 'none')}

![p50 and p99 latency against concurrency](${chartFile})

## Round trips

Storage requests are traced from one call; round trips are counted over the whole
concurrency-10 run and divided by its requests (stream polling excluded: Lambda's stream
triggers do not bill it).

${roundTripTable(results.endpoints, checkout.counted.perCheckout)}

## Checkout

Shoppers each place one order for one unit (card \`tok_visa\` in the payment sandbox), the
given number in flight, and the bench waits until every order's checkout execution (the
state machine, run locally from the synthesized definition) has ended. Confirmed orders per
second count from the first order sent to the last execution ended.

${checkoutTable(checkout.runs)}

Where an order's time goes (medians):

${checkout.runs.map(whereTimeGoes).join('\n')}

**Against its bound** (concurrency ${checkout.counted.concurrency}): ${checkout.counted.confirmedPerSecond.toFixed(1)} confirmed orders/s; the store's
own write throughput at 20 in flight (below) with the writes one checkout makes (${writes},
counted) bounds it at ${checkout.bound.toFixed(1)} orders/s, so checkout reaches **${checkoutRatio.toFixed(2)}×** its bound
(target ≥ ${targets.checkout}×${checkoutRatio >= targets.checkout ? ', met' : ', **not met**'}). Meanwhile the shop's process — one Node event loop
running every function — used ${busy(checkout.counted.shopBusy)} of a core (${checkout.counted.perCheckout ? checkout.counted.perCheckout.cpuMs.toFixed(0) : '—'} ms of CPU per confirmed
checkout) and DynamoDB Local's JVM ${busy(checkout.counted.storeBusy)} of a core, on a machine with ${results.cores} cores${limiter(checkout.counted.shopBusy)}.

${writeTable(results.writes)}

**Contention**: stock ${contention.stock}, ${contention.buyers} buyers at once, one unit each:
${Object.entries(contention.outcomes).map(([status, value]) => `${value} ${status}`).join(', ')}; ${stockLeft}.

### What one confirmed checkout does

Counted over the concurrency-${checkout.counted.concurrency} run, everything that followed included (stream
publishers, notifications, analytics), divided by the confirmed orders. Durations are this
machine's, measured around each local invocation.

${checkout.counted.perCheckout ? perCheckoutTable(checkout.counted.perCheckout) : 'Not counted: no order was confirmed.'}

## Cost per million checkouts in AWS

From the counts above: Lambda at 512 MB (cdk-kit's default; no checkout function overrides
it) on arm64, billed per millisecond of each function's mean duration measured locally in the
one-at-a-time checkout run (AWS CPUs and
DynamoDB latencies differ, so treat the duration line as an order of magnitude); DynamoDB
on-demand units as DynamoDB Local reported them (transactions billed twice); each message a
subscription gets costs three SQS requests (sent by the EventBridge rule, received, deleted);
Step Functions Standard per state transition, or Express per request and duration at 64 MB
(Express cannot wait for a task token, so checkout's asynchronous payments would need another
design there). Not included: CloudWatch logs and metrics, X-Ray, data transfer, free tiers.

${costTable(results.cost)}

Prices: AWS public list prices for ${prices.region}, written down on ${prices.takenOn} from AWS's pricing
pages as the bench's author knew them (not fetched by the bench); check them before relying on
the totals.

${priceTable()}

## Cold start per handler bundle

Each built bundle (\`nx build\`, minified ESM, \`@aws-sdk/*\` external) is imported in a fresh
Node process, and so are the AWS SDK packages it imports alone — the least any handler using
those clients can cost. Medians of ${sampleRange(results.coldStarts)} fresh imports each (the bench stops sampling at its
9-minute mark), rounds interleaved, two processes at a time. Target ≤ ${targets.coldStart}×. A bundle with no
SDK import has no ratio. What dominates is the bundle's biggest inputs by minified bytes
(esbuild's metafile), grouped by package.

Above ${targets.coldStart}×:

${list(coldAbove, 'none')}

${coldStartTable(results.coldStarts)}
`;
}
