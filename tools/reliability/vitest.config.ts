import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

/** The suite's own unit tests (pure helpers), part of `npm test`; the suite itself is vitest.suite.config.ts. */
export default mergeConfig(sharedTestConfig, {
  test: { exclude: ['src/suite/**', '**/node_modules/**'] },
});
