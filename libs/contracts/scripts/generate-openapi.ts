/**
 * Writes openapi/openapi.json from the contracts. With --check, fails when the
 * committed file differs from what the contracts produce (drift check in CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allOperations } from '../src/index.js';
import { buildOpenApiDocument } from '../src/openapi.js';

const target = fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
const generated = `${JSON.stringify(buildOpenApiDocument(allOperations, { version }), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // treated as drift below
  }
  if (committed !== generated) {
    console.error('openapi/openapi.json is out of date with libs/contracts. Run `npm run generate` and commit the result.');
    process.exit(1);
  }
  console.log('openapi/openapi.json matches libs/contracts.');
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
}
