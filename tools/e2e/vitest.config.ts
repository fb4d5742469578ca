import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

export default mergeConfig(sharedTestConfig, {
  resolve: {
    // The client's package.json points at its build; the journey tests its source.
    alias: { '@shoplane/api-client': fileURLToPath(new URL('../../libs/api-client/src/index.ts', import.meta.url)) },
  },
  test: { testTimeout: 60_000, hookTimeout: 120_000 },
});
