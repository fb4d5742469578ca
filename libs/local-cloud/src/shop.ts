import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { workspaceRoot } from '@shoplane/manifest';
import type { DynamoDBStreamEvent, SQSEvent } from 'aws-lambda';
import { FaultInjector, type FaultCounts } from './faults.js';
import type { LocalShopOptions } from './shop-options.js';
import { closeServer, startControlPlane } from './control-plane.js';
import { discoverOrchestrators, discoverServices, loadFunctions, runSeed } from './discovery.js';
import { docsAssets } from './docs-assets.js';
import { storefrontAssets } from './storefront-assets.js';
import { freePort, localCredentials, localRegion, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import {
  applyEnvironment,
  functionScopedEnvironment,
  localEnvironment,
  localPlatform,
  localPlatformValues,
  localQueueUrls,
  localServiceSecrets,
} from './environment.js';
import { LocalEventBus } from './event-bus.js';
import { localQueues, queueParameters, type LocalQueue } from './local-queues.js';
import { isolateFunctionEnvironments } from './function-scope.js';
import { listen, operatorViews, platformParameters } from './shop-wiring.js';
import { FunctionRegistry } from './functions.js';
import { createGateway } from './gateway.js';
import { loadOrCreateSigningKeys } from './keys.js';
import { consoleLog, silentLog } from './log.js';
import { LocalOutbox } from './outbox.js';
import { orchestratorSubscriptions, runOrchestrators, type OrchestratorSummary } from './orchestrator-runtime.js';
import { RouteTable } from './routes.js';
import { LocalScheduler } from './schedules.js';
import { standInFunctions, standInVariables } from './stand-ins.js';
import { LocalStateMachines } from './state-machines.js';
import { loadStreamPositions, startStreamCheckpoints, streamStart } from './stream-checkpoints.js';
import { startStreamPoller, type StreamPoller } from './streams.js';
import { busSubscriptions, localSchedules, summarize, type ServiceSummary } from './summary.js';
import { ensureTable } from './tables.js';

export interface LocalShop {
  /** Base URL of the HTTP API, e.g. `http://localhost:3000`. */
  url: string;
  port: number;
  services: ServiceSummary[];
  /** State machines and their functions (apps/checkout), run from their synthesized definitions. */
  orchestrators: OrchestratorSummary[];
  stateMachines: LocalStateMachines;
  bus: LocalEventBus;
  /** Every e-mail (SES) and SMS (SNS) the functions sent; also at `/__local/outbox`. */
  outbox: LocalOutbox;
  dynamodb: { endpoint: string; dataDirectory?: string; reachability: DynamoDbLocal['reachability'] };
  controlPlane: { endpoint: string };
  /** The variables set on this process while the shop runs; each function sees only its own share of them. */
  environment: Record<string, string>;
  /** What each service's seed asked to print, e.g. the admin's credentials. */
  seedLines: { service: string; lines: string[] }[];
  /** Services being written: handlers without a file, modules that fail to load, seeds that failed. */
  warnings: string[];
  /** The faults injected so far (reliability tests' `faults` option; all zero otherwise). */
  faults: { counts: FaultCounts; total: number };
  /** Runs every scheduled function now (as its rule would) and settles when all have finished. */
  runSchedules(): Promise<void>;
  /** Milliseconds each start-up step took (steps overlap: Java starts while handlers load). */
  timings: { discovery: number; dynamoDb: number; handlers: number; tables: number; seeds: number };
  stop(): Promise<void>;
}


/**
 * Runs every discovered service in this process: DynamoDB Local with each manifest's
 * table (and stream), the event bus, the AWS control plane and the HTTP gateway.
 * Sets process-wide environment variables, so run one shop per process at a time.
 */
export async function startLocalShop(options: LocalShopOptions = {}): Promise<LocalShop> {
  const root = options.root ?? workspaceRoot();
  const log = options.quiet ? silentLog : consoleLog;
  const cleanup: (() => unknown)[] = [];
  const stop = async () => {
    for (const step of cleanup.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        log.error('Stopping the local shop:', error);
      }
    }
  };

  try {
    const since = (start: number) => Math.round(performance.now() - start);
    const startedAt = performance.now();
    const [discovered, orchestrators] = await Promise.all([discoverServices(root, options.services), discoverOrchestrators(root, options.services)]);
    const discoveryMs = since(startedAt);
    const services = discovered.map((service) => summarize(service.manifest, service.missingHandlers));
    const warnings = discovered
      .filter((service) => service.missingHandlers.length > 0)
      .map((service) => `${service.manifest.name}: no handler file yet for ${service.missingHandlers.join(', ')} (routes answer 501, nothing is delivered to them)`);
    const persisted = options.persist ? (options.dataDirectory ?? join(root, '.data')) : undefined;
    const keys = loadOrCreateSigningKeys(persisted ? join(persisted, 'keys', 'jwt.json') : undefined);
    const faults = new FaultInjector(options.faults);
    const functions = new FunctionRegistry((name, run) => faults.invoke(name, run));
    const bus = new LocalEventBus({
      busName: localPlatform.eventBusName,
      subscriptions: [...busSubscriptions(services), ...orchestratorSubscriptions(orchestrators)],
      invoke: (name, event: SQSEvent) => faults.deliver(() => functions.invoke(name, event)),
      log,
    });
    cleanup.push(() => bus.stop());
    const outbox = new LocalOutbox();
    const stateMachines = new LocalStateMachines({ functions, bus, log, retryIntervalMs: options.retryIntervalMs ?? 200 });
    cleanup.push(() => stateMachines.stop());
    // The gateway takes its port first, so a port clash fails in milliseconds, not after Java has started;
    // a request arriving while the rest starts waits for it.
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => {
      markReady = resolve;
    });
    const pollers: StreamPoller[] = [];
    const gateway = createGateway({
      routes: new RouteTable(services.flatMap((service) => service.routes)),
      invoke: async (name, event) => {
        await ready;
        return functions.invoke(name, event);
      },
      docs: docsAssets(root),
      storefront: storefrontAssets(join(root, 'dist', 'apps', 'storefront', 'site')),
      operatorViews: operatorViews({ bus, pollers, outbox, stateMachines }),
      log,
    });
    const port = await listen(gateway, options.port ?? 3000);
    cleanup.push(() => closeServer(gateway));
    const manifests = discovered.map((service) => service.manifest);
    const secrets = new Map([[localPlatform.signingKeySecret, JSON.stringify({ kid: keys.kid, privateKeyPem: keys.privateKeyPem })], ...localServiceSecrets(manifests)]);
    // The platform's HTTP API is this gateway (the payment sandbox sends its approvals to it).
    const platformValues = localPlatformValues(`http://127.0.0.1:${port}`);
    const parameters = platformParameters(keys, platformValues, services, options.standIns ?? []);
    const queues: LocalQueue[] = [];
    const controlPlane = await startControlPlane({ parameters, secrets, bus, functions, stateMachines, log, outbox, queues });
    cleanup.push(() => controlPlane.close());
    queues.push(...localQueues(manifests, controlPlane.endpoint));
    const queueUrls = localQueueUrls(manifests, controlPlane.endpoint);
    for (const [name, value] of queueParameters(queues)) parameters.set(name, value);

    // Ports first, so the environment is complete before any handler module is imported.
    const dynamoPort = options.dynamoDbPort ?? (await freePort());
    const functionsDynamoDb = options.dynamoEndpointOverride ?? `http://127.0.0.1:${dynamoPort}`;
    const environment = {
      ...localEnvironment(manifests, { dynamodb: functionsDynamoDb, controlPlane: controlPlane.endpoint }, process.env, platformValues),
      ...standInVariables(options.standIns ?? []),
    };
    cleanup.push(applyEnvironment(environment));
    // Inside a function, only the variables its declarations give it.
    cleanup.push(isolateFunctionEnvironments(Object.keys(functionScopedEnvironment(manifests, platformValues, queueUrls))));
    const dataDirectory = persisted ? join(persisted, 'ddb') : undefined;
    // Java starts while the handlers are imported; both take about a second.
    const dynamoStartedAt = performance.now();
    const dynamoStarting = startDynamoDbLocal({ port: dynamoPort, dataDirectory }).then((started) => ({ ...started, readyMs: since(dynamoStartedAt) }));
    const dynamoStopped = dynamoStarting.catch(() => undefined);
    cleanup.push(async () => (await dynamoStopped)?.stop());
    const handlersStartedAt = performance.now();
    // The orchestrators' stacks synthesize meanwhile; their functions read the state machine ARN on first use.
    const orchestratorsStarting = runOrchestrators(orchestrators, { machines: stateMachines, parameters, context: options.stackContext, log });
    const loaded = [...(await loadFunctions(discovered, orchestrators, platformValues, queueUrls)), ...standInFunctions(options.standIns ?? [])];
    const handlersMs = since(handlersStartedAt);
    const running = await orchestratorsStarting;
    Object.assign(environment, running.environment);
    cleanup.push(applyEnvironment(running.environment));
    warnings.push(...running.warnings);
    for (const fn of loaded) {
      functions.add(fn);
      if (fn.initError) warnings.push(`${fn.service}: ${fn.handler} fails to load, so every invocation fails: ${fn.initError}`);
    }
    const dynamo = await dynamoStarting;
    const tablesStartedAt = performance.now();

    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: localRegion, credentials: localCredentials });
    const created = await Promise.all(discovered.map((service, index) => ensureTable(client, services[index]?.tableName ?? '', service.manifest.table)));
    client.destroy();
    const positionsFile = persisted ? join(persisted, 'stream-positions.json') : undefined;
    const checkpoints = positionsFile ? loadStreamPositions(positionsFile) : {};
    const tracked: { tableName: string; poller: StreamPoller }[] = [];
    for (const [index, service] of services.entries()) {
      if (!service.stream || service.missingFunctions.includes(service.stream.functionName)) continue;
      const poller = await startStreamPoller({
        endpoint: dynamo.endpoint,
        tableName: service.tableName,
        functionName: service.stream.functionName,
        startAt: streamStart(Boolean(created[index]), checkpoints[service.tableName]),
        invoke: (name, event: DynamoDBStreamEvent) => functions.invoke(name, event),
        log,
      });
      pollers.push(poller);
      tracked.push({ tableName: service.tableName, poller });
      cleanup.push(() => poller.stop());
    }
    if (positionsFile) {
      const checkpointing = startStreamCheckpoints({ file: positionsFile, pollers: tracked, quiet: () => bus.idle && stateMachines.running === 0 });
      cleanup.push(() => checkpointing.stop());
    }

    markReady();
    const tablesMs = since(tablesStartedAt);
    const seedsStartedAt = performance.now();

    const seedLines: LocalShop['seedLines'] = [];
    for (const service of discovered) {
      try {
        const lines = await runSeed(service);
        if (lines.length > 0) seedLines.push({ service: service.manifest.name, lines });
      } catch (error) {
        // A broken seed leaves one service without its sample data; the shop itself still works.
        log.error(`Seeding ${service.manifest.name} failed:`, error);
        warnings.push(`${service.manifest.name}: seed failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    // After the seeds, so a first sweep meets the shop as it will be.
    const scheduler = new LocalScheduler({
      schedules: localSchedules(services),
      invoke: (name, event) => functions.invoke(name, event),
      log,
      ...(options.scheduleIntervalMs === undefined ? {} : { intervalMs: options.scheduleIntervalMs }),
    });
    scheduler.start();
    cleanup.push(() => scheduler.stop());

    return {
      url: `http://localhost:${port}`,
      port,
      services,
      orchestrators: running.summaries,
      stateMachines,
      bus,
      outbox,
      dynamodb: { endpoint: dynamo.endpoint, reachability: dynamo.reachability, ...(dataDirectory ? { dataDirectory } : {}) },
      controlPlane: { endpoint: controlPlane.endpoint },
      environment,
      seedLines,
      warnings,
      faults: { counts: faults.counts, get total() { return faults.total; } },
      runSchedules: () => scheduler.runAll(),
      timings: { discovery: discoveryMs, dynamoDb: dynamo.readyMs, handlers: handlersMs, tables: tablesMs, seeds: since(seedsStartedAt) },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
