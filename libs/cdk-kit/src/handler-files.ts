import { handlerNames, type ServiceManifest } from '@shoplane/manifest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@shoplane/manifest';

/** `apps/<service>/src/handlers`, where a service's handler files live (one bundle, one function each). */
export function handlersDirectoryOf(service: string): string {
  return join(workspaceRoot(), 'apps', service, 'src', 'handlers');
}

/** Handler names of the files in a handlers folder: every `.ts` file but tests, as the bundle target reads them. */
export function handlerFilesIn(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

/**
 * How a service's handler files and its manifest disagree: a declared handler
 * with no file (its function would deploy without code) or a file no
 * declaration names (bundled and shipped, but never run). Empty when they agree.
 */
export function handlerFileMismatches(manifest: ServiceManifest, directory: string = handlersDirectoryOf(manifest.name)): string[] {
  const files = handlerFilesIn(directory);
  const declared = handlerNames(manifest);
  return [
    ...declared.filter((handler) => !files.includes(handler)).map((handler) => `${manifest.name} declares handler "${handler}", but there is no handlers/${handler}.ts`),
    ...files.filter((file) => !declared.includes(file)).map((file) => `handlers/${file}.ts is named by no declaration of ${manifest.name}`),
  ];
}
