import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

/**
 * `npm run test:reliability`: schema fuzzing, fault injection, restart safety and the soak,
 * each file against its own shop. Files run side by side (the soak takes five minutes
 * whatever runs beside it); the counts of every file are printed once at the end.
 */
export default mergeConfig(sharedTestConfig, {
  test: {
    include: ['src/suite/**/*.test.ts'],
    globalSetup: ['./src/suite-counts-report.ts'],
    testTimeout: 420_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
