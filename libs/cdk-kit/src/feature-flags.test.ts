import { relative } from 'node:path';
import { workspaceRoot } from '@shoplane/manifest';
import { describe, expect, it } from 'vitest';
import { appWithFeatureFlags, cdkAppFiles, featureFlagMismatches, recommendedFeatureFlags } from './feature-flags.js';

describe('feature flags', () => {
  it('are the ones the installed aws-cdk-lib recommends', () => {
    expect(Object.keys(recommendedFeatureFlags).length).toBeGreaterThan(80);
    expect(recommendedFeatureFlags['@aws-cdk/aws-lambda:useCdkManagedLogGroup']).toBe(true);
  });

  const files = cdkAppFiles();
  it('are checked in every CDK app of the workspace', () => {
    expect(files.map((file) => relative(workspaceRoot(), file))).toEqual(expect.arrayContaining(['apps/platform/cdk.json', 'apps/users/cdk.json', 'apps/docs/cdk.json']));
  });

  // A new app's cdk.json fails here until `npx tsx libs/cdk-kit/scripts/set-feature-flags.ts` writes the flags into it.
  it.each(files.map((file) => [relative(workspaceRoot(), file), file]))('are all set as recommended in %s', (_name, file) => {
    expect(featureFlagMismatches(file)).toEqual([]);
  });

  it('are in the context of the apps tests synthesize', () => {
    const app = appWithFeatureFlags({ context: { stage: 'prod' } });

    expect(app.node.tryGetContext('@aws-cdk/core:explicitStackTags')).toBe(true);
    expect(app.node.tryGetContext('stage')).toBe('prod');
  });
});
