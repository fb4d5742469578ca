/**
 * `npm run bench`: starts the whole shop in this process (in-memory DynamoDB Local,
 * the same handlers as in AWS) and measures latency and throughput of the main API
 * calls over loopback. Bounded request counts; it stops by itself.
 *
 *   npm run bench            print the table
 *   npm run bench -- --write also record it in docs/benchmarks.md
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startLocalShop } from '@shoplane/local-cloud';
import { markdownTable, measure, type Measurement } from './measure.js';
import { catalogueScenarios, userScenarios } from './scenarios.js';

const shop = await startLocalShop({ port: 0, quiet: true });
const results: Measurement[] = [];
try {
  const scenarios = [...(await userScenarios(shop.url)), ...(await catalogueScenarios(shop))];
  for (const scenario of scenarios) {
    // A short warm-up so the first (cold) call of each handler does not count.
    await measure({ ...scenario, name: 'warm-up', requests: Math.min(10, scenario.requests), concurrency: 1 });
    const result = await measure(scenario);
    results.push(result);
    console.log(`${result.name.padEnd(44)} p50 ${result.p50.toFixed(1).padStart(7)} ms  p99 ${result.p99.toFixed(1).padStart(7)} ms  ${result.perSecond.toFixed(0).padStart(5)} req/s  errors ${result.errors}`);
  }
} finally {
  await shop.stop();
}

const table = markdownTable(results);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`;
console.log(`\n${table}\n\n${machine}`);

if (process.argv.includes('--write')) {
  const file = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
  const current = readFileSync(file, 'utf8');
  const block = `<!-- bench:start -->\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${table}\n<!-- bench:end -->`;
  writeFileSync(file, current.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
  console.log(`recorded in ${file}`);
}
