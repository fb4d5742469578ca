import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isOrchestratorManifest, workspaceRoot, type OrchestratorManifest, type ServiceManifest } from '@shoplane/manifest';

/** Where `nx build` puts every project's output (`dist/apps/<service>/...`). */
export function defaultAssetsRoot(): string {
  return join(workspaceRoot(), 'dist', 'apps');
}

/** Every service and orchestrator manifest of the workspace: what the platform's dashboard shows. */
export interface WorkspaceUnits {
  services: ServiceManifest[];
  orchestrators: OrchestratorManifest[];
}

function isServiceManifest(value: unknown): value is ServiceManifest {
  const candidate = value as Partial<ServiceManifest> | null;
  return typeof candidate?.name === 'string' && typeof candidate.table === 'object' && Array.isArray(candidate.routes);
}

/**
 * Imports every `apps/<name>/src/service.ts` (as the local runtime does) and returns
 * the manifests they export, by name. Apps never import each other; the platform
 * reads them this way, at synth time, so a new service shows on its dashboard
 * without an edit anywhere.
 */
export async function workspaceUnits(root: string = workspaceRoot()): Promise<WorkspaceUnits> {
  const apps = join(root, 'apps');
  const files = readdirSync(apps, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(apps, entry.name, 'src', 'service.ts')))
    .map((entry) => join(apps, entry.name, 'src', 'service.ts'))
    .sort();
  const modules = await Promise.all(files.map(async (file) => (await import(pathToFileURL(file).href)) as Record<string, unknown>));
  return {
    services: modules.flatMap((module) => (isServiceManifest(module['service']) ? [module['service']] : [])),
    orchestrators: modules.flatMap((module) => (isOrchestratorManifest(module['orchestrator']) ? [module['orchestrator']] : [])),
  };
}
