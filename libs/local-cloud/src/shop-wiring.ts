import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { localPlatform, platformValueParameters, type LocalPlatformValues } from './environment.js';
import type { LocalEventBus } from './event-bus.js';
import type { SigningKeys } from './keys.js';
import type { LocalOutbox } from './outbox.js';
import type { LocalStateMachines } from './state-machines.js';
import type { StreamPoller } from './streams.js';
import { busParameters } from './orchestrator-runtime.js';
import { standInParameters, type StandInService } from './stand-ins.js';
import type { ServiceSummary } from './summary.js';

/** The SSM parameters the local AWS endpoint serves: what the platform and every service's stack would publish. */
export function platformParameters(keys: SigningKeys, values: LocalPlatformValues, services: ServiceSummary[], standIns: StandInService[]): Map<string, string> {
  const parameters = new Map([
    [localPlatform.publicKeysParameter, JSON.stringify({ keys: [{ kid: keys.kid, publicKeyPem: keys.publicKeyPem }] })],
    ...busParameters(localPlatform.eventBusName),
    ...platformValueParameters(values),
    ...standInParameters(standIns),
  ]);
  // Internal operations publish their function names as SSM parameters, as their stacks do in AWS.
  for (const operation of services.flatMap((service) => service.internalOperations)) parameters.set(operation.parameter, operation.functionName);
  return parameters;
}

/** Listens on the loopback address only; a port in use fails with what to do about it. */
export async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use; start with PORT=<another port>.`) : error),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export interface OperatorViewSources {
  bus: LocalEventBus;
  pollers: readonly StreamPoller[];
  outbox: LocalOutbox;
  stateMachines: LocalStateMachines;
}

/** What `/__local/<view>` shows: the bus's log and dead letters, the outbox, the executions, and this process's resources. */
export function operatorViews({ bus, pollers, outbox, stateMachines }: OperatorViewSources): Record<string, () => unknown> {
  return {
    events: () => ({ items: bus.events.reverse() }),
    'dead-letters': () => ({ events: bus.deadLetters, messages: bus.deadLetteredMessages, streamRecords: pollers.flatMap((poller) => poller.deadLetters) }),
    outbox: () => outbox.view(),
    executions: () => ({ items: stateMachines.executions }),
    process: processView,
  };
}

/**
 * The runtime's own footprint (memory, open handles by kind), which a soak test samples for
 * leaks. Started with `--expose-gc`, it collects garbage first, so `heapUsed` is what is retained.
 */
export function processView() {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const handles: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) handles[kind] = (handles[kind] ?? 0) + 1;
  return {
    pid: process.pid,
    uptimeSeconds: Math.round(process.uptime()),
    memory: { rss, heapUsed, heapTotal, external },
    openHandles: Object.values(handles).reduce((sum, count) => sum + count, 0),
    handlesByKind: handles,
  };
}
