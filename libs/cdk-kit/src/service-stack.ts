import {
  declaredQueueName,
  functionPermissions,
  platformVariables,
  streamFailuresQueue,
  tableName,
  tableNameVariable,
  unitQueueName,
  type ServiceManifest,
} from '@shoplane/manifest';
import { RemovalPolicy, Stack, type App, type StackProps } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { OperationalAlarms } from './alarms.js';
import { applyCapabilities, PlatformReferences } from './capabilities.js';
import { allowInvocation, publishInternalOperation } from './internal-operations.js';
import { isDisposableStage, stackName, stageOf, tagStack } from './naming.js';
import { queueNamesOf } from './queues.js';
import { ServiceRoutes } from './routes.js';
import { ScheduledRun } from './schedules.js';
import { ServiceFunction, type FunctionSettings } from './service-function.js';
import { allowSending, ServiceQueue } from './service-queues.js';
import { acknowledgeOwnIndexWildcard, createServiceTable, grantTableAccess } from './service-table.js';
import { EventSubscription, TableStreamConsumer } from './subscriptions.js';
import { defaultAssetsRoot } from './workspace.js';

export interface ServiceStackProps extends StackProps {
  manifest: ServiceManifest;
  stage: string;
  /** Folder holding `<service>/<handler>.mjs`; defaults to the workspace's `dist/apps`. Tests pass stubs. */
  assetsRoot?: string;
  /** Settings for every function of the service. */
  functionDefaults?: FunctionSettings;
  /** Per-handler settings, on top of the defaults (e.g. more memory for a CPU-heavy handler). */
  functionOverrides?: Record<string, FunctionSettings>;
}

function constructIdFor(handler: string): string {
  return handler.replace(/(^|[-_])([a-z0-9])/g, (_match, _separator: string, letter: string) => letter.toUpperCase());
}

/**
 * Everything one service deploys, built from its manifest alone: its table,
 * one function per handler, its routes on the shared HTTP API, its event
 * subscriptions, its queues, its internal operations, its schedules, and for each function exactly the
 * permissions its declarations ask for (`functionPermissions`). Nothing here
 * is specific to one service.
 */
export class ServiceStack extends Stack {
  readonly manifest: ServiceManifest;
  readonly stage: string;
  readonly table: TableV2;
  readonly functions = new Map<string, LambdaFunction>();
  readonly alarms: OperationalAlarms;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, { stackName: stackName(props.stage, props.manifest.name), ...props });
    const { manifest, stage } = props;
    this.manifest = manifest;
    this.stage = stage;
    const disposable = isDisposableStage(stage);
    const removalPolicy = disposable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    tagStack(this, stage, manifest.name);

    this.table = createServiceTable(this, 'Table', {
      tableName: tableName(stage, manifest.name),
      declaration: manifest.table,
      deletionProtection: !disposable,
      removalPolicy,
    });
    const platform = new PlatformReferences(this, 'Platform', stage);
    const assetsRoot = props.assetsRoot ?? defaultAssetsRoot();
    const permissions = functionPermissions(manifest);
    this.alarms = new OperationalAlarms(this, 'Alarms', { stage, unit: manifest.name, topic: platform.alarmTopic });

    for (const [handler, granted] of permissions) {
      const { function: fn, role } = new ServiceFunction(this, constructIdFor(handler), {
        service: manifest.name,
        handler,
        stage,
        assetsRoot,
        removalPolicy,
        ...props.functionDefaults,
        ...props.functionOverrides?.[handler],
        environment: {
          [platformVariables.stage]: stage,
          [tableNameVariable(manifest.name)]: this.table.tableName,
        },
      });
      grantTableAccess(this.table, fn, granted.tableAccess);
      if (granted.tableAccess !== 'none') acknowledgeOwnIndexWildcard(this.table, role, manifest.table);
      applyCapabilities(fn, granted.capabilities, platform);
      this.alarms.watchFunction(handler, fn);
      this.functions.set(handler, fn);
    }

    if (manifest.routes.length > 0) {
      const routes = new ServiceRoutes(this, 'Routes', { httpApiId: platform.httpApiId });
      for (const route of manifest.routes) routes.add(route.operation, this.functionFor(route.handler));
    }
    for (const subscription of manifest.subscriptions ?? []) {
      const { queue } = new EventSubscription(this, `${constructIdFor(subscription.handler)}Subscription`, {
        queueNames: queueNamesOf(stage, manifest.name, subscription.handler),
        eventBus: platform.eventBus,
        eventTypes: subscription.eventTypes,
        handler: this.functionFor(subscription.handler),
      });
      this.alarms.watchQueue(subscription.handler, queue);
    }
    for (const queue of manifest.queues ?? []) {
      const owned = new ServiceQueue(this, `${constructIdFor(queue.name)}Queue`, {
        queueNames: queueNamesOf(stage, manifest.name, declaredQueueName(queue.name)),
        stage,
        service: manifest.name,
        name: queue.name,
        handler: this.functionFor(queue.handler),
        eventBus: platform.eventBus,
        eventTypes: queue.eventTypes,
      });
      this.alarms.watchQueue(declaredQueueName(queue.name), owned.queue);
    }
    if (manifest.table.stream) {
      const { failures } = new TableStreamConsumer(this, 'TableStream', {
        table: this.table,
        handler: this.functionFor(manifest.table.stream.handler),
        failuresQueueName: unitQueueName(stage, manifest.name, { name: streamFailuresQueue }),
      });
      this.alarms.watchDeadLetters(streamFailuresQueue, failures);
    }
    for (const operation of manifest.internalOperations ?? []) {
      publishInternalOperation(this, { stage, service: manifest.name, name: operation.name, handler: this.functionFor(operation.handler) });
    }
    for (const schedule of manifest.schedules ?? []) {
      new ScheduledRun(this, `${constructIdFor(schedule.handler)}Schedule`, { every: schedule.every, handler: this.functionFor(schedule.handler) });
    }
    const targets = new Set([...permissions.values()].flatMap((granted) => granted.invokes));
    for (const target of targets) {
      const callers = [...permissions].filter(([, granted]) => granted.invokes.includes(target)).map(([handler]) => this.functionFor(handler));
      allowInvocation(this, { stage, target, functions: callers });
    }
    const queueTargets = new Set([...permissions.values()].flatMap((granted) => granted.sendsTo ?? []));
    for (const target of queueTargets) {
      const senders = [...permissions].filter(([, granted]) => granted.sendsTo?.includes(target)).map(([handler]) => this.functionFor(handler));
      allowSending(this, { stage, target, functions: senders });
    }
  }

  /** The function of a handler the manifest declares; throws for an unknown one. */
  functionFor(handler: string): LambdaFunction {
    const fn = this.functions.get(handler);
    if (!fn) throw new Error(`Service ${this.manifest.name} has no handler "${handler}"`);
    return fn;
  }
}

export interface CreateServiceStackOptions extends Omit<ServiceStackProps, 'manifest' | 'stage'> {
  /** Defaults to the app's `stage` context (or `dev`). */
  stage?: string;
}

/** The stack a service's `main.ts` deploys: `shoplane-<stage>-<service>`, stage from `-c stage=...`. */
export function createServiceStack(app: App, manifest: ServiceManifest, options: CreateServiceStackOptions = {}): ServiceStack {
  const stage = options.stage ?? stageOf(app);
  return new ServiceStack(app, stackName(stage, manifest.name), { ...options, manifest, stage });
}
