import type { ServiceManifest } from './declarations.js';
import type { OrchestratorManifest } from './orchestrator.js';

/** What an SQS queue of a unit is for. */
export type UnitQueueKind = 'subscription' | 'queue' | 'stream-failures';

/**
 * One SQS queue a manifest implies: a subscription's inbox, a declared `queues`
 * entry, or the table stream's on-failure queue. Stacks name the queues after
 * these, and alarms and the platform dashboard find them by the same names.
 */
export interface UnitQueue {
  kind: UnitQueueKind;
  /** Unique within the unit: the subscription's handler, `<name>-queue`, or `stream-failures`. */
  name: string;
  /** The handler draining it; none for the stream's failure queue, which is read by people. */
  handler?: string;
  /** Whether poison messages move on to a dead-letter queue (`<queue name>-dlq`); the stream's failure queue is one itself. */
  hasDeadLetterQueue: boolean;
}

/** A declared queue's (`queues` entry) name among the unit's queues: `<name>-queue`, apart from any subscription's handler. */
export function declaredQueueName(queue: string): string {
  return `${queue}-queue`;
}

/** The table stream's on-failure queue among the unit's queues. */
export const streamFailuresQueue = 'stream-failures';

/** SQS limits a queue name to 80 characters. */
const maximumQueueNameLength = 80;

/** Physical name of a unit's queue in a stage, e.g. `shoplane-dev-orders-on-payment`. */
export function unitQueueName(stage: string, unit: string, queue: Pick<UnitQueue, 'name'>): string {
  const name = `shoplane-${stage}-${unit}-${queue.name}`;
  if (`${name}-dlq`.length > maximumQueueNameLength) throw new Error(`Queue name ${name}-dlq is longer than SQS allows (${maximumQueueNameLength}); shorten the handler or queue name`);
  return name;
}

/** Physical name of the dead-letter queue behind a unit's queue, e.g. `shoplane-dev-orders-on-payment-dlq`. */
export function deadLetterQueueName(stage: string, unit: string, queue: Pick<UnitQueue, 'name'>): string {
  return `${unitQueueName(stage, unit, queue)}-dlq`;
}

/** Every SQS queue a service's stack holds, in declaration order. */
export function serviceQueues(manifest: ServiceManifest): UnitQueue[] {
  return [
    ...(manifest.subscriptions ?? []).map((subscription): UnitQueue => ({ kind: 'subscription', name: subscription.handler, handler: subscription.handler, hasDeadLetterQueue: true })),
    ...(manifest.queues ?? []).map((queue): UnitQueue => ({ kind: 'queue', name: declaredQueueName(queue.name), handler: queue.handler, hasDeadLetterQueue: true })),
    ...(manifest.table.stream ? [{ kind: 'stream-failures', name: streamFailuresQueue, hasDeadLetterQueue: false } satisfies UnitQueue] : []),
  ];
}

/** Every SQS queue an orchestrator's stack holds: one inbox per subscription. */
export function orchestratorQueues(manifest: OrchestratorManifest): UnitQueue[] {
  return manifest.subscriptions.map((subscription) => ({ kind: 'subscription', name: subscription.handler, handler: subscription.handler, hasDeadLetterQueue: true }));
}
