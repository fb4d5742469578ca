/**
 * `npm run bench`: starts the shop in a child process (`npm start`'s entry, in memory),
 * loads it from autocannon in further child processes, measures the storage floor, the
 * checkout and its bound, counts round trips, prices a million checkouts, times every
 * handler bundle's cold start, and writes docs/benchmarks.md and its chart.
 *
 *   npm run bench                       everything (builds the bundles first when dist/ is missing)
 *   npm run bench -- --cold-samples 5   fewer fresh-process imports per bundle (default 20)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { checkoutRun, contentionRun, type CheckoutRun } from './checkout.js';
import { builtBundles, measureColdStarts } from './cold-start.js';
import { billedUnits, costPerMillionCheckouts } from './cost-model.js';
import { benchmarksDocument } from './document.js';
import { endpointsOf, measureEndpoint, type EndpointResult } from './endpoints.js';
import { prepareFixture } from './fixture.js';
import { storeClient, writeThroughput } from './floor.js';
import type { ShopCounts } from './shop-counts.js';
import { startShopProcess } from './shop-process.js';
import { checkoutBound } from './stats.js';
import { latencyChart } from './svg-chart.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const chartLevels = [1, 5, 10, 20, 50];
const checkoutOrders: Record<number, number> = { 1: 10, 5: 25, 10: 40, 20: 100, 50: 100 };
const argument = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const coldSamples = process.argv.includes('--cold-samples') ? Number(argument('--cold-samples')) : 20;
const started = performance.now();
/** The whole bench stays under 10 minutes: cold-start sampling stops at 9. */
const coldStartDeadline = Date.now() + 9 * 60_000;

/** cdk-kit gives every function 512 MB; users' stack gives register and login 1,024 MB for bcrypt. */
const memoryOf = (functionName: string) => (/-users-(register|login)$/.test(functionName) ? 1024 : 512);

/**
 * Counts from the concurrency-20 run; durations from the one-at-a-time run, where a function
 * waits least for the others on the shop's one event loop (in AWS each has its own CPU).
 */
function usageOf(counted: CheckoutRun, perCheckout: ShopCounts, alone: ShopCounts | undefined) {
  const sqsMessages = Object.values(perCheckout.invocations).reduce((sum, fn) => sum + fn.sqsMessages, 0);
  const meanMs = (name: string, fn: { count: number; totalMs: number }) => {
    const quiet = alone?.invocations[name];
    return quiet && quiet.count > 0 ? quiet.totalMs / quiet.count : fn.totalMs / fn.count;
  };
  return {
    httpRequests: 1,
    functions: Object.entries(perCheckout.invocations).map(([name, fn]) => ({ name, invocations: fn.count, meanMs: meanMs(name, fn), memoryMb: memoryOf(name) })),
    ...billedUnits(perCheckout.capacity),
    stateTransitions: counted.transitions,
    executionSeconds: counted.executionSeconds,
    events: perCheckout.entries['EventBridge.PutEvents'] ?? 0,
    sqsRequests: 3 * sqsMessages,
    emails: perCheckout.requests['SESv2.SendEmail'] ?? 0,
    smsPublishes: perCheckout.requests['SNS.Publish'] ?? 0,
  };
}

if (builtBundles(root).length === 0) {
  console.log('No handler bundles in dist/: building them (nx run-many -t build)…');
  execFileSync('npx', ['nx', 'run-many', '-t', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
}

console.log('Starting the shop (npm start’s entry, in memory) in a child process…');
// The sandbox approves card payments at once; a short approval delay keeps any UPI path quick too.
const shop = await startShopProcess({ PAYMENTS_SANDBOX_APPROVAL_DELAY_MS: '300', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
const store = storeClient(shop.dynamodbEndpoint);
const endpoints: EndpointResult[] = [];
const checkoutRuns: CheckoutRun[] = [];
let writes: Awaited<ReturnType<typeof writeThroughput>>;
let contention: Awaited<ReturnType<typeof contentionRun>>;
try {
  const fixture = await prepareFixture(shop.url, 100, 10);
  console.log(`Fixture ready: ${fixture.shoppers.length} shoppers, ${fixture.stocked.length} stocked products, a ${fixture.catalogue.length}-line cart.`);
  for (const endpoint of endpointsOf(fixture)) {
    const levels = endpoint.name.startsWith('GET /products/{') || endpoint.name.startsWith('GET /cart') ? chartLevels : [1, 10];
    endpoints.push(await measureEndpoint(shop, store, endpoint, levels));
  }
  writes = await writeThroughput(store, 1000, 20);
  console.log(`Store writes at 20 in flight: ${Object.entries(writes).map(([kind, summary]) => `${kind} ${summary.perSecond.toFixed(0)}/s`).join(', ')}`);
  for (const concurrency of chartLevels) {
    const orders = checkoutOrders[concurrency] ?? 20;
    const run = await checkoutRun(shop, fixture.shoppers.slice(0, orders), fixture.stocked, concurrency, concurrency === 20 || concurrency === 1);
    checkoutRuns.push(run);
    console.log(`checkout c=${concurrency}: ${JSON.stringify(run.outcomes)}, ${run.confirmedPerSecond.toFixed(1)} confirmed/s, end-to-end p50 ${run.endToEnd.p50.toFixed(0)} ms p99 ${run.endToEnd.p99.toFixed(0)} ms`);
  }
  contention = await contentionRun(shop, fixture, 30, 100);
  console.log(`contention (stock 30, 100 buyers): ${JSON.stringify(contention.outcomes)}, stock left ${JSON.stringify(contention.stockLeft)}`);
} finally {
  store.destroy();
  await shop.stop();
}

const counted = checkoutRuns.find((run) => run.concurrency === 20);
if (!counted?.perCheckout) throw new Error('the counted checkout run confirmed no order');
const writesPerCheckout = Object.fromEntries(
  Object.entries(counted.perCheckout.requests)
    .filter(([key]) => /^DynamoDB\.(PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems)$/.test(key))
    .map(([key, value]) => [key.slice('DynamoDB.'.length), value]),
);
const throughputs = Object.fromEntries(Object.entries(writes).map(([kind, summary]) => [kind, summary.perSecond]));
const bound = checkoutBound(writesPerCheckout, throughputs, 'PutItem');
console.log(`checkout bound ${bound.toFixed(1)} orders/s; measured ${counted.confirmedPerSecond.toFixed(1)} (${(counted.confirmedPerSecond / bound).toFixed(2)}×)`);
const cost = costPerMillionCheckouts(usageOf(counted, counted.perCheckout, checkoutRuns.find((run) => run.concurrency === 1)?.perCheckout));
console.log(`cost per million checkouts: $${cost.standard.toFixed(0)} (Standard), $${cost.express.toFixed(0)} (Express)`);

console.log(`Cold starts: ${coldSamples} fresh-process imports per bundle…`);
const coldStarts = await measureColdStarts(root, builtBundles(root), coldSamples, Math.max(1, Math.min(2, cpus().length)), coldStartDeadline);

const seriesOf = (name: string, pick: (level: number) => { p50: number; p99: number } | undefined) => ({
  name,
  p50: chartLevels.map((level) => pick(level)?.p50 ?? Number.NaN),
  p99: chartLevels.map((level) => pick(level)?.p99 ?? Number.NaN),
});
const runOf = (prefix: string) => endpoints.find((endpoint) => endpoint.name.startsWith(prefix));
const chart = latencyChart({
  title: 'Latency against requests in flight (p50 solid, p99 dashed)',
  levels: chartLevels,
  series: [
    seriesOf('GET /products/{id}', (level) => runOf('GET /products/{')?.runs.find((run) => run.concurrency === level)?.endpoint),
    seriesOf('GET /cart', (level) => runOf('GET /cart')?.runs.find((run) => run.concurrency === level)?.endpoint),
    seriesOf('checkout (order → end)', (level) => checkoutRuns.find((run) => run.concurrency === level)?.endToEnd),
  ],
});
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}`;
const document = benchmarksDocument(
  {
    measuredOn: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine,
    cores: cpus().length,
    node: process.version,
    minutes: (performance.now() - started) / 60_000,
    endpoints,
    writes,
    checkout: { runs: checkoutRuns, counted, bound, writesPerCheckout },
    contention,
    cost,
    coldStarts,
  },
  'benchmarks-latency.svg',
);
writeFileSync(fileURLToPath(new URL('../../../docs/benchmarks-latency.svg', import.meta.url)), chart);
writeFileSync(fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url)), document);
console.log(`Wrote docs/benchmarks.md and docs/benchmarks-latency.svg in ${((performance.now() - started) / 60_000).toFixed(1)} minutes.`);
