import base from '../../eslint.config.mjs';

// The suite's vitest config, like every vitest.config.ts, reaches the workspace's shared test config.
export default [...base, { files: ['vitest.suite.config.ts'], rules: { '@nx/enforce-module-boundaries': 'off' } }];
