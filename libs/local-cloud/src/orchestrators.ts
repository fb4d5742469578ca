import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { functionName, orchestratorHandlers, type OrchestratorManifest } from '@shoplane/manifest';
import { invokeVariables } from './environment.js';
import type { LocalFunction } from './functions.js';
import { localStage } from './aws-identity.js';
import type { TemplateJson } from './template-definition.js';

/**
 * An app whose `src/service.ts` exports `orchestrator` (an OrchestratorManifest, see
 * apps/checkout). Its state machine is taken from the app's synthesized stack.
 */
export interface DiscoveredOrchestrator {
  manifest: OrchestratorManifest;
  sourceDirectory: string;
  missingHandlers: string[];
}

export function describeOrchestrator(manifest: OrchestratorManifest, sourceDirectory: string): DiscoveredOrchestrator {
  return {
    manifest,
    sourceDirectory,
    missingHandlers: orchestratorHandlers(manifest).filter((handler) => !existsSync(join(sourceDirectory, 'handlers', `${handler}.ts`))),
  };
}

/**
 * What an orchestrator's function is granted, as its stack grants it: no table, no
 * platform capability, and exactly the internal operations the manifest lists for it
 * (with their function names in its environment).
 */
export function orchestratorFunctionGrants(
  manifest: OrchestratorManifest,
  handler: string,
  operations: ReadonlyMap<string, string>,
): Pick<LocalFunction, 'permissions' | 'environment' | 'internalOperations' | 'secrets'> {
  const invokes = manifest.invokes?.[handler] ?? [];
  const environment = invokeVariables(invokes, operations);
  return { permissions: { tableAccess: 'none', capabilities: [], invokes }, environment, internalOperations: [], secrets: [] };
}

export function orchestratorFunctionName(manifest: OrchestratorManifest, handler: string): string {
  return functionName(localStage, manifest.name, handler);
}

interface StackLike {
  artifactId: string;
}
type StackFactory = (app: unknown, options: { stage: string; assetsRoot: string }) => StackLike;

/**
 * Synthesizes the orchestrator's stack in this process, in the local stage, the way
 * `cdk synth` would (CloudFormation validation off: it costs seconds and checks nothing
 * the local runtime needs). `stack.ts` exports `create<Name>Stack(app, { stage, assetsRoot })`,
 * like every app. The functions' code is not needed — the local runtime runs the handlers'
 * sources — so the assets are stubs. `context` reaches the app as CDK context
 * (e.g. `{ paymentTimeoutSeconds: 5 }`).
 */
export async function synthesizeOrchestrator(orchestrator: DiscoveredOrchestrator, context: Record<string, unknown> = {}): Promise<TemplateJson> {
  const { name } = orchestrator.manifest;
  const stackFile = join(orchestrator.sourceDirectory, 'stack.ts');
  const factoryName = `create${name.charAt(0).toUpperCase()}${name.slice(1)}Stack`;
  const factory = ((await import(pathToFileURL(stackFile).href)) as Record<string, unknown>)[factoryName];
  if (typeof factory !== 'function') throw new Error(`${stackFile} must export ${factoryName}(app, { stage, assetsRoot })`);
  const { App } = await import('aws-cdk-lib');
  const workDirectory = mkdtempSync(join(tmpdir(), `shoplane-local-${name}-`));
  try {
    const assetsRoot = join(workDirectory, 'assets');
    mkdirSync(join(assetsRoot, name), { recursive: true });
    for (const handler of orchestratorHandlers(orchestrator.manifest)) {
      writeFileSync(join(assetsRoot, name, `${handler}.mjs`), 'export const handler = async () => null;\n');
    }
    const app = new App({ outdir: join(workDirectory, 'cdk.out'), context: { stage: localStage, ...context }, builtinCloudFormationValidation: false });
    const stack = (factory as StackFactory)(app, { stage: localStage, assetsRoot });
    return app.synth().getStackArtifact(stack.artifactId).template as TemplateJson;
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }
}
