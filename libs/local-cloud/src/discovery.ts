import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  configurationOf,
  functionName,
  handlerNames,
  internalOperationsServedBy,
  isOrchestratorManifest,
  orchestratorHandlers,
  permissionsOf,
  type ServiceManifest,
} from '@shoplane/manifest';
import { localStage } from './aws-identity.js';
import { functionEnvironment, internalOperationFunctions, serviceSecretName, type LocalPlatformValues } from './environment.js';
import { runAsFunction } from './function-scope.js';
import { invocationVariables, type LambdaHandler, type LocalFunction } from './functions.js';
import { describeOrchestrator, orchestratorFunctionGrants, type DiscoveredOrchestrator } from './orchestrators.js';

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

export function handlerFile(service: Pick<DiscoveredService, 'sourceDirectory'>, handler: string): string {
  return join(service.sourceDirectory, 'handlers', `${handler}.ts`);
}

/** `apps/<name>` folders holding `src/service.ts`, optionally only the named ones. */
function appFolders(root: string, only?: readonly string[]): string[] {
  const appsDirectory = join(root, 'apps');
  const folders = existsSync(appsDirectory)
    ? readdirSync(appsDirectory, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
    : [];
  return folders.filter((folder) => existsSync(join(appsDirectory, folder, 'src', 'service.ts')) && (!only || only.includes(folder)));
}

/**
 * Imports every `apps/*\/src/service.ts` under `root` (or only the named apps) and notes
 * which declared handlers have no file yet. Orchestrators (`export const orchestrator`)
 * are not services: see discoverOrchestrators.
 */
export async function discoverServices(root: string, only?: readonly string[]): Promise<DiscoveredService[]> {
  const found = await Promise.all(
    appFolders(root, only).map(async (folder): Promise<DiscoveredService | undefined> => {
      const sourceDirectory = join(root, 'apps', folder, 'src');
      const file = join(sourceDirectory, 'service.ts');
      const module = await importModule(file);
      const exported = module.service;
      if (exported === undefined && isOrchestratorManifest(module.orchestrator)) return undefined;
      if (!isManifest(exported)) throw new Error(`${file} must export \`service\`, a ServiceManifest (see @shoplane/manifest), or \`orchestrator\`.`);
      if (exported.name !== folder) {
        throw new Error(`${file} declares service "${exported.name}", but lives in apps/${folder}; the name must match the folder.`);
      }
      const service: DiscoveredService = { manifest: exported, sourceDirectory, missingHandlers: [] };
      service.missingHandlers = handlerNames(exported).filter((handler) => !existsSync(handlerFile(service, handler)));
      const seedFile = join(sourceDirectory, 'seed.ts');
      return existsSync(seedFile) ? { ...service, seedFile } : service;
    }),
  );
  return found.filter((service) => service !== undefined);
}

/** The apps whose service.ts exports `orchestrator`: a state machine and its functions (apps/checkout). */
export async function discoverOrchestrators(root: string, only?: readonly string[]): Promise<DiscoveredOrchestrator[]> {
  const found = await Promise.all(
    appFolders(root, only).map(async (folder) => {
      const sourceDirectory = join(root, 'apps', folder, 'src');
      const exported = (await importModule(join(sourceDirectory, 'service.ts'))).orchestrator;
      if (!isOrchestratorManifest(exported)) return undefined;
      if (exported.name !== folder) throw new Error(`apps/${folder} declares orchestrator "${exported.name}"; the name must match the folder.`);
      return describeOrchestrator(exported, sourceDirectory);
    }),
  );
  return found.filter((orchestrator) => orchestrator !== undefined);
}

/** An error named as the Lambda runtime names a function that cannot start. */
class RuntimeInitError extends Error {
  constructor(name: 'Runtime.ImportModuleError' | 'Runtime.HandlerNotFound', message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = name;
  }
}

/** A deployable unit's handlers folder: a service or an orchestrator. */
interface FunctionSource {
  name: string;
  sourceDirectory: string;
}

/** What a function's declarations grant it, as its stack does in AWS. */
type FunctionGrants = Pick<LocalFunction, 'permissions' | 'environment' | 'internalOperations' | 'secrets'>;

function serviceFunctionGrants(
  service: DiscoveredService,
  handler: string,
  operations: ReadonlyMap<string, string>,
  platformValues: LocalPlatformValues,
  queueUrls: ReadonlyMap<string, string>,
): FunctionGrants {
  const { manifest } = service;
  return {
    permissions: permissionsOf(manifest, handler),
    environment: functionEnvironment(manifest, handler, operations, platformValues, queueUrls),
    internalOperations: internalOperationsServedBy(manifest, handler),
    secrets: configurationOf(manifest, handler).secrets.map((secret) => serviceSecretName(manifest.name, secret.name)),
  };
}

async function loadFunction(unit: FunctionSource, handler: string, grants: FunctionGrants): Promise<LocalFunction> {
  const file = handlerFile(unit, handler);
  const identity = { name: functionName(localStage, unit.name, handler), service: unit.name, handler, ...grants };
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
 * declarations grant it (`platformValues` resolves the platform values they ask for;
 * `queueUrls` are the manifests' queues by `<service>.<name>`). Call it after the local
 * environment is set: handlers may read their configuration at import time.
 */
export async function loadFunctions(
  services: DiscoveredService[],
  orchestrators: DiscoveredOrchestrator[] = [],
  platformValues: LocalPlatformValues = new Map(),
  queueUrls: ReadonlyMap<string, string> = new Map(),
): Promise<LocalFunction[]> {
  const operations = internalOperationFunctions(services.map((service) => service.manifest));
  const loading = [
    ...services.flatMap((service) =>
      handlerNames(service.manifest)
        .filter((handler) => !service.missingHandlers.includes(handler))
        .map((handler) =>
          loadFunction({ name: service.manifest.name, sourceDirectory: service.sourceDirectory }, handler, serviceFunctionGrants(service, handler, operations, platformValues, queueUrls)),
        ),
    ),
    ...orchestrators.flatMap((orchestrator) =>
      orchestratorHandlers(orchestrator.manifest)
        .filter((handler) => !orchestrator.missingHandlers.includes(handler))
        .map((handler) =>
          loadFunction({ name: orchestrator.manifest.name, sourceDirectory: orchestrator.sourceDirectory }, handler, orchestratorFunctionGrants(orchestrator.manifest, handler, operations)),
        ),
    ),
  ];
  return Promise.all(loading);
}

/** Runs `seed()` from the service's seed.ts and returns the lines it wants printed. */
export async function runSeed(service: DiscoveredService): Promise<string[]> {
  if (!service.seedFile) return [];
  const seed = (await importModule(service.seedFile)).seed;
  if (typeof seed !== 'function') throw new Error(`${service.seedFile} must export \`seed(): Promise<string[]>\`.`);
  const lines: unknown = await (seed as () => Promise<unknown>)();
  return Array.isArray(lines) ? lines.map(String) : [];
}
