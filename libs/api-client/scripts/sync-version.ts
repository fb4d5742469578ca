/**
 * The client's version follows the contract's: sets libs/api-client/package.json `version`
 * to openapi/openapi.json `info.version`. With --check, fails when they differ (drift check in CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageFile = fileURLToPath(new URL('../package.json', import.meta.url));
const specFile = fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url));

const manifest = JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string };
const contractVersion = (JSON.parse(readFileSync(specFile, 'utf8')) as { info: { version: string } }).info.version;

if (manifest.version === contractVersion) {
  console.log(`@shoplane/api-client is at the contract's version, ${contractVersion}.`);
} else if (process.argv.includes('--check')) {
  console.error(
    `@shoplane/api-client is ${manifest.version} but openapi/openapi.json is ${contractVersion}. Run \`npm run generate\` and commit the result.`,
  );
  process.exit(1);
} else {
  writeFileSync(packageFile, `${JSON.stringify({ ...manifest, version: contractVersion }, null, 2)}\n`);
  console.log(`@shoplane/api-client: version ${manifest.version} → ${contractVersion}`);
}
