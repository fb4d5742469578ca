import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { workspaceRoot } from '@shoplane/manifest';
import { contextArguments, deployableByCi, deploymentOrder, deployTimeDependencies } from './deploy-order.js';

/**
 * `tsx apps/delivery/scripts/deploy-affected.ts --stage dev [--all] [--dry-run]`:
 * runs `nx deploy <app> -- -c stage=<stage>` for every app with a `deploy` target that
 * the change touches (Nx affected, between NX_BASE and NX_HEAD as nx-set-shas sets them),
 * or for every app with `--all` (or DEPLOY_ALL=true), platform first, then each app after
 * the apps it reads at deploy time. Stops at the first failure.
 */
const root = workspaceRoot();

function run(command: string, args: string[], capture: boolean): string {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` failed${result.status === null ? '' : ` with exit code ${result.status}`}`);
  }
  return result.stdout ?? '';
}

function deployableProjects(all: boolean): string[] {
  const listed: unknown = JSON.parse(run('npx', ['nx', 'show', 'projects', '--withTarget', 'deploy', '--json', ...(all ? [] : ['--affected'])], true));
  if (!Array.isArray(listed) || !listed.every((name) => typeof name === 'string')) throw new Error('nx show projects answered no list of names');
  return deployableByCi(listed);
}

async function dependenciesOf(projects: string[]): Promise<Map<string, string[]>> {
  const entries = await Promise.all(
    projects.map(async (project): Promise<[string, string[]]> => {
      const manifest = join(root, 'apps', project, 'src', 'service.ts');
      if (!existsSync(manifest)) return [project, []];
      return [project, deployTimeDependencies((await import(pathToFileURL(manifest).href)) as Record<string, unknown>)];
    }),
  );
  return new Map(entries);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { stage: { type: 'string' }, all: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } } });
  const stage = values.stage;
  if (stage === undefined || !/^[a-z][a-z0-9-]{0,15}$/.test(stage)) throw new Error('Pass the stage to deploy to: --stage dev');
  const all = values.all || process.env['DEPLOY_ALL'] === 'true';
  const context = contextArguments(process.env['SHOPLANE_DEPLOY_CONTEXT']);

  const projects = deployableProjects(all);
  const order = deploymentOrder(projects, await dependenciesOf(projects));
  if (order.length === 0) {
    console.log(`Nothing to deploy to ${stage}: no deployable app is affected.`);
    return;
  }
  console.log(`Deploying to ${stage}, in this order: ${order.join(', ')}`);
  if (values['dry-run']) return;
  for (const project of order) {
    console.log(`\n== nx deploy ${project} (${stage})`);
    run('npx', ['nx', 'deploy', project, '--', '-c', `stage=${stage}`, ...context], false);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
