import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { functionName, handlerNames, internalOperationsServedBy, permissionsOf, type ServiceManifest } from '@shoplane/manifest';
import { localStage } from './aws-identity.js';
import { functionEnvironment, internalOperationFunctions } from './environment.js';
import { runAsFunction } from './function-scope.js';
import { invocationVariables, type LambdaHandler, type LocalFunction } from './functions.js';

/** A service found under `apps/<name>/src/service.ts`. */
export interface DiscoveredService {
  manifest: ServiceManifest;
  /** `apps/<name>/src` */
  sourceDirectory: string;
  /** Handlers the manifest names whose file does not exist yet (a service being written). */
  missingHandlers: string[];
  /** `apps/<name>/src/seed.ts`, when the service has one. */
  seedFile?: string;
}

function isManifest(value: unknown): value is ServiceManifest {
  const candidate = value as Partial<ServiceManifest> | null;
  return typeof candidate?.name === 'string' && typeof candidate.table === 'object' && Array.isArray(candidate.routes);
}

async function importModule(file: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

export function handlerFile(service: DiscoveredService, handler: string): string {
  return join(service.sourceDirectory, 'handlers', `${handler}.ts`);
}

/** Imports every `apps/*\/src/service.ts` under `root` and notes which declared handlers have no file yet. */
export async function discoverServices(root: string): Promise<DiscoveredService[]> {
  const appsDirectory = join(root, 'apps');
  const folders = existsSync(appsDirectory)
    ? readdirSync(appsDirectory, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
    : [];
  const candidates = folders.filter((folder) => existsSync(join(appsDirectory, folder, 'src', 'service.ts')));
  return Promise.all(
    candidates.map(async (folder): Promise<DiscoveredService> => {
      const sourceDirectory = join(appsDirectory, folder, 'src');
      const file = join(sourceDirectory, 'service.ts');
      const exported = (await importModule(file)).service;
      if (!isManifest(exported)) throw new Error(`${file} must export \`service\`, a ServiceManifest (see @shoplane/manifest).`);
      if (exported.name !== folder) {
        throw new Error(`${file} declares service "${exported.name}", but lives in apps/${folder}; the name must match the folder.`);
      }
      const service: DiscoveredService = { manifest: exported, sourceDirectory, missingHandlers: [] };
      service.missingHandlers = handlerNames(exported).filter((handler) => !existsSync(handlerFile(service, handler)));
      const seedFile = join(sourceDirectory, 'seed.ts');
      return existsSync(seedFile) ? { ...service, seedFile } : service;
    }),
  );
}

/** An error named as the Lambda runtime names a function that cannot start. */
class RuntimeInitError extends Error {
  constructor(name: 'Runtime.ImportModuleError' | 'Runtime.HandlerNotFound', message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = name;
  }
}

async function loadFunction(service: DiscoveredService, handler: string, operations: ReadonlyMap<string, string>): Promise<LocalFunction> {
  const file = handlerFile(service, handler);
  const { manifest } = service;
  const identity = {
    name: functionName(localStage, manifest.name, handler),
    service: manifest.name,
    handler,
    permissions: permissionsOf(manifest, handler),
    environment: functionEnvironment(manifest, handler, operations),
    internalOperations: internalOperationsServedBy(manifest, handler),
  };
  let initError: RuntimeInitError;
  try {
    // It initialises as that function, as a cold start would; a module several handlers share initialises once, as the first importer.
    const exported = (await runAsFunction(invocationVariables(identity), () => importModule(file))).handler;
    if (typeof exported === 'function') return { ...identity, run: exported as LambdaHandler };
    initError = new RuntimeInitError('Runtime.HandlerNotFound', `${file} does not export \`handler(event, context)\`.`);
  } catch (error) {
    initError = new RuntimeInitError('Runtime.ImportModuleError', `Importing ${file} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // As in Lambda, a function that cannot initialise fails each invocation; the other functions keep working.
  return {
    ...identity,
    initError: initError.message,
    run: () => {
      throw initError;
    },
  };
}

/**
 * Imports every existing handler module, as a Lambda cold start would, each with what its
 * declarations grant it. Call it after the local environment is set: handlers may read
 * their configuration at import time.
 */
export async function loadFunctions(services: DiscoveredService[]): Promise<LocalFunction[]> {
  const operations = internalOperationFunctions(services.map((service) => service.manifest));
  return Promise.all(
    services.flatMap((service) =>
      handlerNames(service.manifest)
        .filter((handler) => !service.missingHandlers.includes(handler))
        .map((handler) => loadFunction(service, handler, operations)),
    ),
  );
}

/** Runs `seed()` from the service's seed.ts and returns the lines it wants printed. */
export async function runSeed(service: DiscoveredService): Promise<string[]> {
  if (!service.seedFile) return [];
  const seed = (await importModule(service.seedFile)).seed;
  if (typeof seed !== 'function') throw new Error(`${service.seedFile} must export \`seed(): Promise<string[]>\`.`);
  const lines: unknown = await (seed as () => Promise<unknown>)();
  return Array.isArray(lines) ? lines.map(String) : [];
}
