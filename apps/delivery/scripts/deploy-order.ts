import {
  functionDeclarations,
  isOrchestratorManifest,
  parseInternalOperationKey,
  parseQueueKey,
  type OrchestratorManifest,
  type ServiceManifest,
} from '@shoplane/manifest';

/** What every other app reads at deploy time (API, bus, keys): always deployed first. */
export const platformProject = 'platform';

/**
 * Projects CI never deploys: the delivery stack holds the very role CI deploys with,
 * so only an administrator changes it, from a laptop (README, Deploying).
 */
export const deployedByHandOnly = ['delivery'] as const;

function isServiceManifest(value: unknown): value is ServiceManifest {
  const candidate = value as Partial<ServiceManifest> | null;
  return typeof candidate?.name === 'string' && typeof candidate.table === 'object' && Array.isArray(candidate.routes);
}

function serviceTargets(manifest: ServiceManifest): string[] {
  return functionDeclarations(manifest).flatMap((declaration) => [
    ...declaration.invokes.map((key) => parseInternalOperationKey(key).service),
    ...(declaration.sendsTo ?? []).map((key) => parseQueueKey(key).service),
  ]);
}

function orchestratorTargets(manifest: OrchestratorManifest): string[] {
  return [...manifest.stateMachine.invokes, ...Object.values(manifest.invokes ?? {}).flat()].map((key) => parseInternalOperationKey(key).service);
}

/**
 * The apps whose SSM parameters an app's stack resolves when it deploys: the owners
 * of the internal operations it invokes and of the queues it sends to. They must be
 * deployed before it. `exports` is what the app's `src/service.ts` exports.
 */
export function deployTimeDependencies(exports: Record<string, unknown>): string[] {
  const { service, orchestrator } = exports;
  const [name, targets] = isServiceManifest(service)
    ? [service.name, serviceTargets(service)]
    : isOrchestratorManifest(orchestrator)
      ? [orchestrator.name, orchestratorTargets(orchestrator)]
      : [undefined, []];
  return [...new Set(targets)].filter((target) => target !== name).sort();
}

/** The projects CI may deploy, in the order given; see `deployedByHandOnly`. */
export function deployableByCi(projects: readonly string[]): string[] {
  return projects.filter((project) => !(deployedByHandOnly as readonly string[]).includes(project));
}

/**
 * The order to deploy `projects` in: the platform first, then every app after the
 * apps it depends on (dependencies outside `projects` are already deployed), ties
 * in name order so that the same change always deploys the same way.
 */
export function deploymentOrder(projects: readonly string[], dependenciesOf: ReadonlyMap<string, readonly string[]> = new Map()): string[] {
  const waiting = new Set(projects);
  const ordered: string[] = [];
  if (waiting.delete(platformProject)) ordered.push(platformProject);
  while (waiting.size > 0) {
    const ready = [...waiting].filter((project) => (dependenciesOf.get(project) ?? []).every((dependency) => !waiting.has(dependency))).sort();
    const next = ready[0];
    if (next === undefined) {
      throw new Error(`These apps depend on each other at deploy time, so none can go first: ${[...waiting].sort().join(', ')}`);
    }
    waiting.delete(next);
    ordered.push(next);
  }
  return ordered;
}

/**
 * `-c key=value` arguments from a JSON object of CDK context values (the
 * SHOPLANE_DEPLOY_CONTEXT variable), e.g. `{"senderAddress": "Shoplane <orders@shop.example.org>"}`.
 */
export function contextArguments(json: string | undefined): string[] {
  if (json === undefined || json.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('SHOPLANE_DEPLOY_CONTEXT must be a JSON object of CDK context values, e.g. {"allowedOrigins":"https://shop.example.org"}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('SHOPLANE_DEPLOY_CONTEXT must be a JSON object of CDK context values');
  }
  return Object.entries(parsed).flatMap(([key, value]) => {
    if (key === 'stage') throw new Error('SHOPLANE_DEPLOY_CONTEXT may not set "stage": the deploy job names it');
    if (!['string', 'number', 'boolean'].includes(typeof value)) throw new Error(`SHOPLANE_DEPLOY_CONTEXT "${key}" must be a string, number or boolean`);
    return ['-c', `${key}=${String(value)}`];
  });
}
