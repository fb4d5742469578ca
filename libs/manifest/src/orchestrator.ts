import { parseInternalOperationKey } from './names.js';

export interface OrchestratorSubscription {
  /** Event detail-types this handler consumes. */
  eventTypes: string[];
  handler: string;
  /** `platform` (domain events, the default) or `default`, where AWS services put their own events. */
  bus?: 'platform' | 'default';
}

/**
 * What an orchestrator is: a state machine plus the functions around it, and no
 * table (apps/checkout). Its stack and the local runtime (libs/local-cloud) are both
 * built from it; the state machine's definition itself lives in the stack, never twice.
 */
export interface OrchestratorManifest {
  /** Lower-case name; also the Nx project name and the app's folder. */
  name: string;
  stateMachine: {
    /** Environment variable through which the functions learn the state machine's ARN. */
    arnVariable: string;
    /** Internal operations its Tasks invoke, as `<service>.<name>`. */
    invokes: string[];
    /** Handlers that start executions (they get the ARN and states:StartExecution). */
    startedBy: string[];
  };
  subscriptions: OrchestratorSubscription[];
  /** Internal operations of other services each function invokes, by handler. */
  invokes?: Record<string, string[]>;
}

/** The orchestrator's handlers, each once, in declaration order: one function each. */
export function orchestratorHandlers(manifest: OrchestratorManifest): string[] {
  return [...new Set(manifest.subscriptions.map((subscription) => subscription.handler))];
}

/** True for a value shaped like an OrchestratorManifest (what an app's service.ts exports as `orchestrator`). */
export function isOrchestratorManifest(value: unknown): value is OrchestratorManifest {
  const candidate = value as Partial<OrchestratorManifest> | null;
  return (
    typeof candidate?.name === 'string' &&
    typeof candidate.stateMachine?.arnVariable === 'string' &&
    Array.isArray(candidate.stateMachine.invokes) &&
    Array.isArray(candidate.stateMachine.startedBy) &&
    Array.isArray(candidate.subscriptions)
  );
}

/**
 * Checks an orchestrator's manifest once, where it is written: every handler that
 * starts executions or invokes operations is one its subscriptions run, and every
 * invoked operation is named `<service>.<name>`.
 */
export function defineOrchestrator(manifest: OrchestratorManifest): OrchestratorManifest {
  const handlers = orchestratorHandlers(manifest);
  if (handlers.length === 0) throw new Error(`Orchestrator ${manifest.name} declares no handler`);
  const unknown = [...manifest.stateMachine.startedBy, ...Object.keys(manifest.invokes ?? {})].filter((handler) => !handlers.includes(handler));
  if (unknown.length > 0) throw new Error(`Orchestrator ${manifest.name} grants handler(s) no subscription runs: ${[...new Set(unknown)].join(', ')}`);
  for (const key of [...manifest.stateMachine.invokes, ...Object.values(manifest.invokes ?? {}).flat()]) parseInternalOperationKey(key);
  return manifest;
}
