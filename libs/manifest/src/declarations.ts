import type { HttpOperation } from '@shoplane/contracts';
import { handlerNames } from './functions.js';
import { parseInternalOperationKey } from './names.js';

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

/**
 * What a function may do to its own service's table. Stacks grant exactly this;
 * nothing grants access to another service's table.
 */
export type TableAccess = 'read' | 'readWrite' | 'none';

/** Platform resources a function uses: each brings the variables it reads and the one permission it needs. */
export type PlatformCapability = 'publishEvents' | 'verifyTokens' | 'signTokens';

/**
 * What one function may touch besides its own logs, declared on the route,
 * subscription, internal operation or stream that runs it. The stack grants
 * exactly this to that function, and the local runtime enforces the same.
 */
export interface FunctionPermissions {
  /** Defaults to `readWrite`. */
  tableAccess?: TableAccess;
  /**
   * `publishEvents` for a stream publisher, `signTokens` for the one function that
   * issues tokens. A route whose operation is not public verifies tokens: that is
   * implied, not declared.
   */
  capabilities?: PlatformCapability[];
  /** Other services' internal operations it calls, as `internalOperationKey(operation)`: `<service>.<name>`. */
  invokes?: string[];
}

/** The table's change stream, read by one handler (the transactional outbox's publisher). */
export interface StreamDeclaration extends FunctionPermissions {
  handler: string;
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
  stream?: StreamDeclaration;
}

export interface RouteDeclaration extends FunctionPermissions {
  /** The contract operation: method, path, auth level and schemas all come from it. */
  operation: HttpOperation;
  handler: string;
}

export interface SubscriptionDeclaration extends FunctionPermissions {
  /** Domain event types (detail-type) this handler consumes. */
  eventTypes: string[];
  handler: string;
}

export interface InternalOperationDeclaration extends FunctionPermissions {
  /** Name other services use to find it: SSM `/shoplane/<stage>/<service>/<name>`. */
  name: string;
  handler: string;
}

export interface ServiceManifest {
  /** Lower-case service name; also the Nx project name and the scope tag. */
  name: string;
  table: TableDeclaration;
  routes: RouteDeclaration[];
  subscriptions?: SubscriptionDeclaration[];
  internalOperations?: InternalOperationDeclaration[];
}

function invokedKeys(manifest: ServiceManifest): string[] {
  return [
    ...manifest.routes,
    ...(manifest.subscriptions ?? []),
    ...(manifest.internalOperations ?? []),
    ...(manifest.table.stream ? [manifest.table.stream] : []),
  ].flatMap((declaration) => declaration.invokes ?? []);
}

/** Checks a manifest once, where it is written, so a mistake fails the first test or synth that imports it. */
export function defineService(manifest: ServiceManifest): ServiceManifest {
  const duplicates = manifest.routes
    .map((r) => r.operation.operationId)
    .filter((id, i, all) => all.indexOf(id) !== i);
  if (duplicates.length > 0) {
    throw new Error(`Service ${manifest.name} declares operation(s) twice: ${duplicates.join(', ')}`);
  }
  if (handlerNames(manifest).length === 0) throw new Error(`Service ${manifest.name} declares no handler`);
  for (const key of invokedKeys(manifest)) parseInternalOperationKey(key);
  return manifest;
}
