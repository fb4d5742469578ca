/**
 * The service manifest: one declaration per service that both the CDK stack
 * (libs/cdk-kit) and the local runtime (libs/local-cloud) are built from, so
 * the cloud and the laptop cannot drift apart.
 *
 * A manifest is plain data. Handlers are referenced by name: `handlers/<name>.ts`
 * in the service's source folder, exporting `handler`.
 */
import type { HttpOperation } from '@shoplane/contracts';

export type AttributeType = 'S' | 'N';

export interface KeyAttribute {
  name: string;
  type: AttributeType;
}

export interface TableIndex {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

export interface TableDeclaration {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalIndexes?: TableIndex[];
  /** Attribute holding an epoch-seconds expiry; DynamoDB deletes the item after it. */
  timeToLiveAttribute?: string;
  /**
   * Stream the table's changes (new and old images) to this handler. Services use it
   * as a transactional outbox: events are written in the same transaction as the
   * state change and published from the stream, so none is lost.
   */
  stream?: { handler: string; tableAccess?: TableAccess };
}

/**
 * What a function may do to its own service's table. Stacks grant exactly this;
 * nothing grants access to another service's table.
 */
export type TableAccess = 'read' | 'readWrite' | 'none';

export interface RouteDeclaration {
  /** The contract operation: method, path, auth level and schemas all come from it. */
  operation: HttpOperation;
  handler: string;
  /** Defaults to `readWrite`. */
  tableAccess?: TableAccess;
}

export interface SubscriptionDeclaration {
  /** Domain event types (detail-type) this handler consumes. */
  eventTypes: string[];
  handler: string;
  /** Defaults to `readWrite`. */
  tableAccess?: TableAccess;
}

export interface InternalOperationDeclaration {
  /** Name other services use to find it: SSM `/shoplane/<stage>/<service>/<name>`. */
  name: string;
  handler: string;
  /** Defaults to `readWrite`. */
  tableAccess?: TableAccess;
}

/** Secrets and parameters a service's functions read at cold start. */
export type PlatformCapability = 'publishEvents' | 'verifyTokens' | 'signTokens';

export interface ServiceManifest {
  /** Lower-case service name; also the Nx project name and the scope tag. */
  name: string;
  table: TableDeclaration;
  routes: RouteDeclaration[];
  subscriptions?: SubscriptionDeclaration[];
  internalOperations?: InternalOperationDeclaration[];
  /** Internal operations of other services this one invokes, as `<service>.<name>`. */
  invokes?: string[];
  capabilities: PlatformCapability[];
}

export function defineService(manifest: ServiceManifest): ServiceManifest {
  const names = handlerNames(manifest);
  const duplicates = manifest.routes
    .map((r) => r.operation.operationId)
    .filter((id, i, all) => all.indexOf(id) !== i);
  if (duplicates.length > 0) {
    throw new Error(`Service ${manifest.name} declares operation(s) twice: ${duplicates.join(', ')}`);
  }
  if (names.length === 0) throw new Error(`Service ${manifest.name} declares no handler`);
  return manifest;
}

/** Every handler the manifest references, once each, in declaration order. */
export function handlerNames(manifest: ServiceManifest): string[] {
  const all = [
    ...manifest.routes.map((r) => r.handler),
    ...(manifest.subscriptions ?? []).map((s) => s.handler),
    ...(manifest.internalOperations ?? []).map((o) => o.handler),
    ...(manifest.table.stream ? [manifest.table.stream.handler] : []),
  ];
  return [...new Set(all)];
}

/**
 * Environment variable through which a service's functions learn their table's
 * name. Service-specific so that every service can share one process locally.
 */
export function tableNameVariable(service: string): string {
  return `${service.toUpperCase()}_TABLE_NAME`;
}

/** Physical table name for a stage, e.g. `shoplane-dev-users`. */
export function tableName(stage: string, service: string): string {
  return `shoplane-${stage}-${service}`;
}

/** SSM parameter under which a service publishes a value for other stacks. */
export function parameterName(stage: string, service: string, key: string): string {
  return `/shoplane/${stage}/${service}/${key}`;
}

/** Environment variable carrying the function name of another service's internal operation. */
export function internalOperationVariable(target: string): string {
  return `INVOKE_${target.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

/** Environment variables every function may read; values are names, never secrets. */
export const platformVariables = {
  stage: 'SHOPLANE_STAGE',
  eventBusName: 'EVENT_BUS_NAME',
  tokenIssuer: 'JWT_ISSUER',
  tokenAudience: 'JWT_AUDIENCE',
  /** SSM parameter holding the public verification keys (JSON `{ keys: [{ kid, publicKeyPem }] }`). */
  publicKeysParameter: 'JWT_PUBLIC_KEYS_PARAMETER',
  /** Secrets Manager secret holding the signing key (JSON `{ kid, privateKeyPem }`). */
  signingKeySecret: 'JWT_SIGNING_KEY_SECRET',
} as const;

/** Physical function name of a handler in a stage, e.g. `shoplane-dev-users-register`. */
export function functionName(stage: string, service: string, handler: string): string {
  return `shoplane-${stage}-${service}-${handler}`;
}

/** TTL attribute of transactional-outbox rows (see lambda-kit's outbox). */
export const outboxTimeToLiveAttribute = 'expiresAt';

export { signingKeyId } from './signing-keys.js';
export { workspaceRoot } from './workspace.js';
