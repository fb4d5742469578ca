#!/usr/bin/env node
/**
 * Prints every Lambda bundle's minified size from esbuild's metafile and fails when
 * one is over the budget (cold starts grow with bundle size). A project may pass a
 * larger budget in KB as the second argument, with its reason in its project.json.
 *
 * 300 KB: the handlers' own code, zod/mini and Powertools measured up to 166 KB; the
 * Powertools Tracer with the X-Ray SDK it needs (aws-xray-sdk-core, cls-hooked, semver)
 * adds about 128 KB minified to every handler (the Lambda runtime does not provide it).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const defaultBudgetKb = 300;
const [folder, budgetArgument] = process.argv.slice(2);
const budgetKb = budgetArgument === undefined ? defaultBudgetKb : Number(budgetArgument);
if (!folder || !Number.isInteger(budgetKb) || budgetKb <= 0) {
  console.error('usage: bundle-budget.mjs <dist folder> [budget in KB, default 300]');
  process.exit(2);
}
const budgetBytes = budgetKb * 1024;
const meta = JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8'));
const bundles = Object.entries(meta.outputs)
  .filter(([file]) => file.endsWith('.mjs'))
  .map(([file, output]) => ({ name: basename(file), bytes: output.bytes }))
  .sort((a, b) => a.name.localeCompare(b.name));

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`Lambda bundles in ${folder} (budget ${kb(budgetBytes)} minified):`);
for (const bundle of bundles) {
  const flag = bundle.bytes > budgetBytes ? '  OVER BUDGET' : '';
  console.log(`  ${bundle.name.padEnd(32)} ${kb(bundle.bytes).padStart(10)}${flag}`);
}
const over = bundles.filter((bundle) => bundle.bytes > budgetBytes);
if (over.length > 0) {
  console.error(`${over.length} bundle(s) over the ${kb(budgetBytes)} budget.`);
  process.exit(1);
}
