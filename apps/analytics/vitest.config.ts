import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

export default mergeConfig(sharedTestConfig, {
  test: { globalSetup: ['../../libs/testing/src/dynamodb-global-setup.ts'] },
});
