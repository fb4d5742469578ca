/**
 * Writes aws-cdk-lib's recommended feature flags into the `context` of every
 * `apps/<name>/cdk.json` (other context keys stay). Run it after upgrading
 * aws-cdk-lib or adding an app: `npx tsx libs/cdk-kit/scripts/set-feature-flags.ts`.
 * `feature-flags.test.ts` fails until it has been run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cdkAppFiles, recommendedFeatureFlags } from '../src/feature-flags.js';

for (const file of cdkAppFiles()) {
  const config = JSON.parse(readFileSync(file, 'utf8')) as { context?: Record<string, unknown> };
  const context = { ...config.context, ...recommendedFeatureFlags };
  const sorted = Object.fromEntries(Object.entries(context).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify({ ...config, context: sorted }, null, 2)}\n`);
  console.log(`${file}: ${Object.keys(recommendedFeatureFlags).length} recommended flags set`);
}
