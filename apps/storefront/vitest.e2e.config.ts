import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The browser journeys: one shop and one Chromium for the whole file, so one worker and long timeouts.
export default defineConfig({
  root: fileURLToPath(new URL('./', import.meta.url)),
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
