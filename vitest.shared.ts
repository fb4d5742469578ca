import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The AWS SDK warns about Node 20 from global setups too, which run outside test workers.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

/**
 * Vite does not read tsconfig `paths`, and a workspace package's `exports` may point at
 * its build (the api-client does): resolve every `@shoplane/*` import to its source,
 * exactly as tsconfig.base.json declares.
 */
const root = fileURLToPath(new URL('./', import.meta.url));
const { compilerOptions } = JSON.parse(readFileSync(`${root}tsconfig.base.json`, 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const alias = Object.entries(compilerOptions.paths).map(([name, [target]]) => ({
  find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`),
  replacement: `${root}${target}`,
}));

/** Settings every project's vitest.config.ts starts from. */
export const sharedTestConfig = defineConfig({
  resolve: { alias },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: [`${root}tools/scripts/test-tmpdir.ts`],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_DEV: 'false',
      // Handlers' EMF metrics would flood the output; tests that check metrics capture them.
      POWERTOOLS_METRICS_DISABLED: 'true',
      AWS_EC2_METADATA_DISABLED: 'true',
      CDK_VALIDATION: 'false',
    },
  },
});
