import type { AuthLevel } from '@shoplane/contracts';
import { functionName, internalOperationVariable, parameterName, queueKey, tableName, type ServiceManifest } from '@shoplane/manifest';
import { localStage } from './aws-identity.js';
import type { BusSubscription } from './event-bus.js';
import { localQueueName } from './local-queues.js';
import type { GatewayRoute } from './routes.js';
import type { LocalSchedule } from './schedules.js';

/** What the local shop runs for one service, in the terms an operator sees in AWS. */
export interface ServiceSummary {
  name: string;
  tableName: string;
  routes: GatewayRoute[];
  subscriptions: { eventTypes: string[]; functionName: string }[];
  /** Queues other services may send to (`key` in their `sendsTo`), drained by `functionName`. */
  queues?: { key: string; queueName: string; eventTypes: string[]; functionName: string }[];
  internalOperations: { name: string; functionName: string; variable: string; parameter: string }[];
  stream?: { functionName: string };
  /** Functions run on a rate (AWS: a schedule rule each). */
  schedules?: { functionName: string; everyMinutes: number }[];
  /** Functions whose handler file does not exist yet: their routes answer 501, nothing is delivered to them. */
  missingFunctions: string[];
}

export function summarize(manifest: ServiceManifest, missingHandlers: string[] = []): ServiceSummary {
  const fn = (handler: string) => functionName(localStage, manifest.name, handler);
  return {
    name: manifest.name,
    tableName: tableName(localStage, manifest.name),
    missingFunctions: missingHandlers.map(fn),
    routes: manifest.routes.map((route) => ({
      method: route.operation.method,
      path: route.operation.path,
      auth: route.operation.auth satisfies AuthLevel,
      operationId: route.operation.operationId,
      service: manifest.name,
      functionName: fn(route.handler),
    })),
    subscriptions: (manifest.subscriptions ?? []).map((subscription) => ({
      eventTypes: subscription.eventTypes,
      functionName: fn(subscription.handler),
    })),
    queues: (manifest.queues ?? []).map((queue) => ({
      key: queueKey({ service: manifest.name, name: queue.name }),
      queueName: localQueueName(manifest.name, queue.name),
      eventTypes: queue.eventTypes ?? [],
      functionName: fn(queue.handler),
    })),
    internalOperations: (manifest.internalOperations ?? []).map((operation) => ({
      name: operation.name,
      functionName: fn(operation.handler),
      variable: internalOperationVariable(`${manifest.name}.${operation.name}`),
      parameter: parameterName(localStage, manifest.name, operation.name),
    })),
    ...(manifest.table.stream ? { stream: { functionName: fn(manifest.table.stream.handler) } } : {}),
    ...(manifest.schedules?.length ? { schedules: manifest.schedules.map((schedule) => ({ functionName: fn(schedule.handler), everyMinutes: schedule.every.minutes })) } : {}),
  };
}

/** The schedules of the functions that exist, for the local scheduler. */
export function localSchedules(services: ServiceSummary[]): LocalSchedule[] {
  return services.flatMap((service) => (service.schedules ?? []).filter((schedule) => !service.missingFunctions.includes(schedule.functionName)));
}

/**
 * Each subscription is its own queue in AWS (rule → SQS → Lambda); locally the queue is named
 * after its consumer. A manifest queue keeps its own name, under which SendMessage reaches it.
 */
export function busSubscriptions(services: ServiceSummary[]): BusSubscription[] {
  return services.flatMap((service) => [
    ...service.subscriptions
      .filter((subscription) => !service.missingFunctions.includes(subscription.functionName))
      .map((subscription) => ({ ...subscription, queueName: subscription.functionName })),
    ...(service.queues ?? [])
      .filter((queue) => !service.missingFunctions.includes(queue.functionName))
      .map(({ functionName, eventTypes, queueName }) => ({ functionName, eventTypes, queueName })),
  ]);
}
