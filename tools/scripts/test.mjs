#!/usr/bin/env node
/**
 * `npm test`: everything CI checks, through Nx (cached, in dependency order):
 * the contract is regenerated and compared (drift), the client types likewise,
 * the GitHub workflows are linted (actionlint and the repository rules),
 * then lint, typecheck, unit/integration/e2e tests, bundles and CDK synth.
 *
 * Prints one closing line `tests: N passed, N failed` summed over every vitest run.
 * Pass extra Nx flags through, e.g. `npm test -- --skip-nx-cache`.
 */
import { spawn } from 'node:child_process';

const targets = ['check-openapi', 'check-generated', 'check-workflows', 'lint', 'typecheck', 'test', 'build', 'synth'];
const env = {
  ...process.env,
  NX_DAEMON: process.env.NX_DAEMON ?? 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_EC2_METADATA_DISABLED: 'true',
};
const args = ['nx', 'run-many', '-t', ...targets, '--parallel=2', '--output-style=static', ...process.argv.slice(2)];

const totals = { passed: 0, failed: 0, skipped: 0 };
const ansi = /\u001b\[[0-9;]*m/g;
let pending = '';

function tally(line) {
  const summary = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line.replace(ansi, ''));
  if (!summary?.[1]) return;
  for (const [, count, kind] of summary[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
    if (kind in totals) totals[kind] += Number(count);
  }
}

const child = spawn('npx', args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  pending += chunk.toString();
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  lines.forEach(tally);
});
child.on('close', (code) => {
  tally(pending);
  const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
  process.exit(code ?? 1);
});
