import nx from '@nx/eslint-plugin';
import { fileURLToPath } from 'node:url';

// `nx lint <project>` runs ESLint from the project's folder, where a workspace path pattern
// (`apps/<any>/src/domain/...`) matches nothing: blocks that name workspace paths set this as `basePath`.
const workspaceRoot = fileURLToPath(new URL('.', import.meta.url));

const cdkImports = { group: ['aws-cdk-lib', 'aws-cdk-lib/*', 'constructs', 'cdk-nag'], message: 'Runtime code never imports CDK.' };

/** Which kinds of project may depend on which (DESIGN.md §1). A violation fails lint. */
const dependencyRules = [
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:manifest', onlyDependOnLibsWithTags: ['type:contracts', 'type:manifest'] },
  { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:contracts', 'type:manifest', 'type:runtime'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:manifest', 'type:infra'] },
  { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:client'] },
  // The storefront: a browser app on the generated client, with its CDK stack beside it.
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:client', 'type:contracts', 'type:manifest', 'type:infra'] },
  {
    sourceTag: 'type:local',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:manifest', 'type:runtime', 'type:local'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:manifest', 'type:runtime', 'type:local', 'type:testing'],
  },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:manifest', 'type:runtime', 'type:infra', 'type:testing'],
  },
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: [
      'type:contracts', 'type:manifest', 'type:runtime', 'type:local', 'type:testing', 'type:client', 'type:infra',
    ],
  },
  // A service sees shared libraries and itself, never another service.
  ...['users', 'products', 'carts', 'orders', 'payments', 'inventory', 'notifications', 'analytics', 'checkout', 'platform', 'docs', 'delivery'].map(
    (scope) => ({ sourceTag: `scope:${scope}`, onlyDependOnLibsWithTags: ['scope:shared', `scope:${scope}`] }),
  ),
];

/** Test files may also use the shared test helpers (DynamoDB Local, tokens, API events). */
const testDependencyRules = dependencyRules.map((rule) =>
  rule.sourceTag.startsWith('type:') && !rule.onlyDependOnLibsWithTags.includes('type:testing')
    ? { ...rule, onlyDependOnLibsWithTags: [...rule.onlyDependOnLibsWithTags, 'type:testing'] }
    : rule,
);

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/*.d.ts', '**/cdk.out', '**/vite.config.*.timestamp*'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.js', '**/*.mjs'],
    // Tool configuration may reach the workspace's shared config files.
    ignores: ['**/eslint.config.mjs', '**/vitest.config.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: dependencyRules },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/test-support.ts', '**/__fixtures__/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: testDependencyRules },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Runtime code ships in Lambda bundles: no infrastructure libraries there.
    basePath: workspaceRoot,
    files: ['libs/lambda-kit/**/*.ts', 'apps/*/src/handlers/**/*.ts', 'apps/*/src/domain/**/*.ts', 'apps/*/src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [cdkImports] }],
    },
  },
  {
    // Business rules know neither HTTP nor AWS (this replaces the runtime rule above for domain/, so it repeats CDK).
    basePath: workspaceRoot,
    files: ['apps/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            cdkImports,
            {
              group: ['@shoplane/lambda-kit', '@shoplane/lambda-kit/*'],
              message:
                'domain/ knows no HTTP: throw a DomainError from @shoplane/contracts and map it in src/problems.ts; ids, event envelopes and Caller are in @shoplane/contracts too.',
            },
            {
              group: ['@aws-sdk/*', '@aws-lambda-powertools/*', '@middy/*', 'aws-lambda'],
              message: 'domain/ knows no AWS: declare a port in domain/ports.ts and implement it in adapters/.',
            },
          ],
        },
      ],
    },
  },
];
