import { describe, expect, it } from 'vitest';
import { bundleFacts, contributorOf } from './bundles.js';

describe('what a handler bundle is made of', () => {
  it('groups inputs by package or workspace project', () => {
    expect(contributorOf('node_modules/zod/v4/core/schemas.js')).toBe('zod');
    expect(contributorOf('node_modules/@aws-lambda-powertools/logger/lib/esm/Logger.js')).toBe('@aws-lambda-powertools/logger');
    expect(contributorOf('node_modules/jsonwebtoken/node_modules/semver/index.js')).toBe('semver');
    expect(contributorOf('libs/lambda-kit/src/http.ts')).toBe('libs/lambda-kit');
  });

  it('lists each bundle with its size, its external SDK packages and its contributors, largest first', () => {
    const facts = bundleFacts('products', {
      outputs: {
        'dist/apps/products/get-product.mjs': {
          bytes: 900,
          inputs: { 'node_modules/zod/v4/a.js': { bytesInOutput: 300 }, 'node_modules/zod/v4/b.js': { bytesInOutput: 200 }, 'apps/products/src/handlers/get-product.ts': { bytesInOutput: 400 } },
          imports: [
            { path: '@aws-sdk/lib-dynamodb', external: true },
            { path: '@aws-sdk/client-dynamodb', external: true },
            { path: '@aws-sdk/lib-dynamodb', external: true },
            { path: 'node:crypto', external: true },
          ],
        },
        'dist/apps/products/get-product.mjs.map': { bytes: 5000, inputs: {} },
      },
    });

    expect(facts).toEqual([
      {
        name: 'products/get-product',
        file: 'dist/apps/products/get-product.mjs',
        bytes: 900,
        sdkPackages: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
        contributors: [
          { name: 'zod', bytes: 500 },
          { name: 'apps/products', bytes: 400 },
        ],
      },
    ]);
  });
});
