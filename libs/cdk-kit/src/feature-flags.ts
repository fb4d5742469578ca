import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { workspaceRoot } from '@shoplane/manifest';
import { App, type AppProps } from 'aws-cdk-lib';

/**
 * The feature flags aws-cdk-lib recommends for its installed version (what `cdk init`
 * writes into a new project's cdk.json). Every app's cdk.json sets exactly these
 * (`featureFlagMismatches` checks it), and test apps get them too, so a test
 * synthesizes the same template `cdk synth` does.
 */
export const recommendedFeatureFlags: Readonly<Record<string, unknown>> = createRequire(import.meta.url)('aws-cdk-lib/recommended-feature-flags.json') as Record<string, unknown>;

/** A CDK app for tests: the recommended feature flags in its context, as every cdk.json sets them. */
export function appWithFeatureFlags(props: AppProps = {}): App {
  return new App({ ...props, context: { ...recommendedFeatureFlags, ...props.context } });
}

/** Every `apps/<name>/cdk.json` of the workspace. */
export function cdkAppFiles(root: string = workspaceRoot()): string[] {
  const apps = join(root, 'apps');
  return readdirSync(apps, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(apps, entry.name, 'cdk.json')))
    .map((entry) => join(apps, entry.name, 'cdk.json'))
    .sort();
}

/** How a cdk.json's context differs from the recommended flags: flags it leaves unset or sets otherwise. */
export function featureFlagMismatches(cdkJsonFile: string): string[] {
  const { context = {} } = JSON.parse(readFileSync(cdkJsonFile, 'utf8')) as { context?: Record<string, unknown> };
  return Object.entries(recommendedFeatureFlags)
    .filter(([flag, value]) => JSON.stringify(context[flag]) !== JSON.stringify(value))
    .map(([flag, value]) => (flag in context ? `${flag} is ${JSON.stringify(context[flag])}, recommended ${JSON.stringify(value)}` : `${flag} is unset (recommended ${JSON.stringify(value)})`));
}
