import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

export default mergeConfig(sharedTestConfig, {
  test: { testTimeout: 60_000, hookTimeout: 120_000 },
});
