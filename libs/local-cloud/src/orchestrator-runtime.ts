import { performance } from 'node:perf_hooks';
import { parameterName } from '@shoplane/manifest';
import { localAccountId, localStage } from './aws-identity.js';
import { localRegion } from './dynamodb-local.js';
import type { BusSubscription } from './event-bus.js';
import type { LocalLog } from './log.js';
import { orchestratorFunctionName, synthesizeOrchestrator, type DiscoveredOrchestrator } from './orchestrators.js';
import type { LocalStateMachines } from './state-machines.js';
import { stateMachinesOf } from './template-definition.js';

/** What the local shop runs for one orchestrator, as `npm start` prints it. */
export interface OrchestratorSummary {
  name: string;
  stateMachines: { name: string; arn: string; states: number }[];
  subscriptions: { eventTypes: string[]; functionName: string }[];
  missingFunctions: string[];
  /** Milliseconds the in-process synth and registration took. */
  startMs: number;
}

export interface RunningOrchestrators {
  summaries: OrchestratorSummary[];
  warnings: string[];
  /** The state machines' ARNs under the variables the orchestrators' functions read them from. */
  environment: Record<string, string>;
}

/**
 * The platform bus as the platform stack publishes it in SSM (cdk-kit's platformKeys),
 * for stacks synthesized here: the checkout state machine puts its events on it.
 */
export function busParameters(busName: string): [string, string][] {
  return [
    [parameterName(localStage, 'platform', 'event-bus-name'), busName],
    [parameterName(localStage, 'platform', 'event-bus-arn'), `arn:aws:events:${localRegion}:${localAccountId}:event-bus/${busName}`],
  ];
}

/** Orchestrator subscriptions on the local bus (AWS: a rule → SQS queue → Lambda, per subscription). */
export function orchestratorSubscriptions(orchestrators: DiscoveredOrchestrator[]): BusSubscription[] {
  return orchestrators.flatMap(({ manifest, missingHandlers }) =>
    manifest.subscriptions
      .filter((subscription) => !missingHandlers.includes(subscription.handler))
      .map((subscription) => {
        const functionName = orchestratorFunctionName(manifest, subscription.handler);
        return { functionName, eventTypes: subscription.eventTypes, queueName: functionName };
      }),
  );
}

/**
 * Synthesizes each orchestrator's stack and runs its state machines from the synthesized
 * definitions, with references resolved against the local SSM parameters. A broken or
 * unfinished orchestrator becomes a warning; the rest of the shop keeps running.
 */
export async function runOrchestrators(
  orchestrators: DiscoveredOrchestrator[],
  options: { machines: LocalStateMachines; parameters: ReadonlyMap<string, string>; context?: Record<string, unknown>; log: LocalLog },
): Promise<RunningOrchestrators> {
  const running: RunningOrchestrators = { summaries: [], warnings: [], environment: {} };
  for (const orchestrator of orchestrators) {
    const { manifest } = orchestrator;
    const startedAt = performance.now();
    const summary: OrchestratorSummary = {
      name: manifest.name,
      stateMachines: [],
      subscriptions: manifest.subscriptions.map((subscription) => ({
        eventTypes: subscription.eventTypes,
        functionName: orchestratorFunctionName(manifest, subscription.handler),
      })),
      missingFunctions: orchestrator.missingHandlers.map((handler) => orchestratorFunctionName(manifest, handler)),
      startMs: 0,
    };
    running.summaries.push(summary);
    if (orchestrator.missingHandlers.length > 0) {
      running.warnings.push(`${manifest.name}: no handler file yet for ${orchestrator.missingHandlers.join(', ')} (nothing is delivered to them)`);
    }
    try {
      const template = await synthesizeOrchestrator(orchestrator, options.context);
      for (const machine of stateMachinesOf(template, { parameter: (name) => options.parameters.get(name) })) {
        await options.machines.register(machine);
        running.environment[manifest.stateMachine.arnVariable] = machine.arn;
        summary.stateMachines.push({ name: machine.name, arn: machine.arn, states: Object.keys(machine.definition.States).length });
        if (machine.unresolvedParameters.length > 0) {
          running.warnings.push(
            `${manifest.name}: ${machine.unresolvedParameters.join(', ')} not published locally (service not running?); executions fail at the Tasks that need them`,
          );
        }
      }
    } catch (error) {
      options.log.error(`Starting ${manifest.name}'s state machine failed:`, error);
      running.warnings.push(`${manifest.name}: state machine not running: ${error instanceof Error ? error.message : String(error)}`);
    }
    summary.startMs = Math.round(performance.now() - startedAt);
  }
  return running;
}
