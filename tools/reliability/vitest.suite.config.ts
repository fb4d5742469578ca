import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

/**
 * `npm run test:reliability`: schema fuzzing, fault injection, restart safety and the soak,
 * each file against its own shop. Files run side by side (the soak takes five minutes
 * whatever runs beside it); the counts of every file are printed once at the end.
 * Built on the shared config rather than merged with it, which would add its `include`
 * (the suite's helpers' unit tests run in `npm test`, not here).
 */
export default defineConfig({
  ...sharedTestConfig,
  test: {
    ...sharedTestConfig.test,
    include: ['src/suite/**/*.test.ts'],
    globalSetup: [...[sharedTestConfig.test?.globalSetup ?? []].flat(), './src/suite-counts-report.ts'],
    testTimeout: 420_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
