import {
  handlerNames,
  platformVariables,
  tableName,
  tableNameVariable,
  type ServiceManifest,
  type TableAccess,
} from '@shoplane/manifest';
import { RemovalPolicy, Stack, type App, type StackProps } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { applyCapabilities, PlatformReferences } from './capabilities.js';
import { allowInvocation, publishInternalOperation } from './internal-operations.js';
import { isDisposableStage, stackName, stageOf, tagStack } from './naming.js';
import { ServiceRoutes } from './routes.js';
import { ServiceFunction, type FunctionSettings } from './service-function.js';
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

const accessStrength: Record<TableAccess, number> = { none: 0, read: 1, readWrite: 2 };

/** A handler referenced from several declarations gets the strongest access any of them asks for. */
function tableAccessByHandler(manifest: ServiceManifest): Map<string, TableAccess> {
  const declarations = [
    ...manifest.routes,
    ...(manifest.subscriptions ?? []),
    ...(manifest.internalOperations ?? []),
    ...(manifest.table.stream ? [manifest.table.stream] : []),
  ];
  const access = new Map<string, TableAccess>();
  for (const declaration of declarations) {
    const wanted = declaration.tableAccess ?? 'readWrite';
    const current = access.get(declaration.handler);
    if (current === undefined || accessStrength[wanted] > accessStrength[current]) access.set(declaration.handler, wanted);
  }
  return access;
}

function constructIdFor(handler: string): string {
  return handler.replace(/(^|[-_])([a-z0-9])/g, (_match, _separator: string, letter: string) => letter.toUpperCase());
}

/**
 * Everything one service deploys, built from its manifest alone: its table,
 * one function per handler, its routes on the shared HTTP API, its event
 * subscriptions, its internal operations and the permissions for exactly
 * these. Nothing here is specific to one service.
 */
export class ServiceStack extends Stack {
  readonly manifest: ServiceManifest;
  readonly stage: string;
  readonly table: TableV2;
  readonly functions = new Map<string, LambdaFunction>();

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
    const access = tableAccessByHandler(manifest);

    for (const handler of handlerNames(manifest)) {
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
      const tableAccess = access.get(handler) ?? 'none';
      grantTableAccess(this.table, fn, tableAccess);
      if (tableAccess !== 'none') acknowledgeOwnIndexWildcard(this.table, role);
      applyCapabilities(fn, manifest.capabilities, platform);
      this.functions.set(handler, fn);
    }

    if (manifest.routes.length > 0) {
      const routes = new ServiceRoutes(this, 'Routes', { httpApiId: platform.httpApiId });
      for (const route of manifest.routes) routes.add(route.operation, this.functionFor(route.handler));
    }
    for (const subscription of manifest.subscriptions ?? []) {
      new EventSubscription(this, `${constructIdFor(subscription.handler)}Subscription`, {
        eventBus: platform.eventBus,
        eventTypes: subscription.eventTypes,
        handler: this.functionFor(subscription.handler),
      });
    }
    if (manifest.table.stream) {
      new TableStreamConsumer(this, 'TableStream', {
        table: this.table,
        handler: this.functionFor(manifest.table.stream.handler),
      });
    }
    for (const operation of manifest.internalOperations ?? []) {
      publishInternalOperation(this, { stage, service: manifest.name, name: operation.name, handler: this.functionFor(operation.handler) });
    }
    for (const target of manifest.invokes ?? []) {
      allowInvocation(this, { stage, target, functions: [...this.functions.values()] });
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
