import { defineConfig } from 'vitest/config';

/** Settings every project's vitest.config.ts starts from. */
// The AWS SDK warns about Node 20 from global setups too, which run outside test workers.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

export const sharedTestConfig = defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_DEV: 'false',
      AWS_EC2_METADATA_DISABLED: 'true',
      CDK_VALIDATION: 'false',
    },
  },
});
