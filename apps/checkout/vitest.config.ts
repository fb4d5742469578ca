import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

// Checkout owns no table: its tests need no DynamoDB Local.
export default mergeConfig(sharedTestConfig, {});
