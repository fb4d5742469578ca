/**
 * Nx inference plugin: every folder with `src/service.ts` (a service manifest) gets
 * the same build targets, so a new service needs no target configuration of its own.
 *
 * - `bundle`: @nx/esbuild, one ESM bundle per file in src/handlers (tests excluded),
 *   flat in dist/apps/<service>/<handler>.mjs, @aws-sdk/* external (the Lambda runtime has it).
 * - `build`: reports each bundle's minified size and fails over the budget.
 */
const { readdirSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { createNodesFromFiles } = require('nx/src/devkit-exports');

function handlerEntries(workspaceRoot, projectRoot) {
  const folder = join(workspaceRoot, projectRoot, 'src', 'handlers');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort()
    .map((file) => `${projectRoot}/src/handlers/${file}`);
}

function serviceTargets(projectRoot, entries) {
  const name = projectRoot.split('/').pop();
  const outputPath = `dist/${projectRoot}`;
  return {
    bundle: {
      executor: '@nx/esbuild:esbuild',
      cache: true,
      inputs: ['production', '^production'],
      outputs: ['{options.outputPath}'],
      options: {
        main: entries[0],
        additionalEntryPoints: entries.slice(1),
        outputPath,
        tsConfig: `${projectRoot}/tsconfig.json`,
        platform: 'node',
        format: ['esm'],
        bundle: true,
        minify: true,
        sourcemap: true,
        thirdParty: true,
        declaration: false,
        generatePackageJson: false,
        skipTypeCheck: true,
        external: ['@aws-sdk/*'],
        metafile: true,
        esbuildOptions: {
          outExtension: { '.js': '.mjs' },
          target: 'node22',
          legalComments: 'none',
          // ESM bundles of CommonJS dependencies (jsonwebtoken) need a real `require`.
          banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
        },
      },
    },
    build: {
      executor: 'nx:run-commands',
      cache: true,
      dependsOn: ['bundle'],
      inputs: ['production', '^production', '{workspaceRoot}/tools/scripts/bundle-budget.mjs'],
      outputs: [],
      options: { command: `node tools/scripts/bundle-budget.mjs ${outputPath}` },
      metadata: { description: `Bundles ${name}'s handlers and checks each against the size budget.` },
    },
  };
}

exports.createNodesV2 = [
  'apps/*/src/service.ts',
  (files, options, context) =>
    createNodesFromFiles(
      (file, _options, ctx) => {
        const projectRoot = dirname(dirname(file));
        const entries = handlerEntries(ctx.workspaceRoot, projectRoot);
        if (entries.length === 0) return {};
        return { projects: { [projectRoot]: { targets: serviceTargets(projectRoot, entries) } } };
      },
      files,
      options,
      context,
    ),
];
