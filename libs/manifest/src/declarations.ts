import type { HttpOperation } from '@shoplane/contracts';
import { declarationsOf, handlerNames } from './functions.js';
import { parseInternalOperationKey, parseQueueKey } from './names.js';

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
  /** The service's own secrets (`ServiceManifest.secrets`, by name) it reads. */
  secrets?: string[];
  /**
   * Values the platform publishes in SSM (`/shoplane/<stage>/platform/<key>`) that it gets
   * in a variable, e.g. `{ PAYMENTS_SANDBOX_WEBHOOK_URL: 'http-api-url' }`.
   */
  platformValues?: Record<string, string>;
  /**
   * Other services' queues it sends messages to, as `queueKey(queue)`: `<service>.<name>`
   * (the owner declares the queue in its `queues`). It may send to those and no other.
   */
  sendsTo?: string[];
}

/**
 * A secret the service owns: Secrets Manager `shoplane/<stage>/<service>/<name>`, read
 * only by the functions whose declarations name it. Its value never reaches a variable:
 * `variable` holds where it is (its ARN in AWS, its name locally).
 */
export interface SecretDeclaration {
  name: string;
  variable: string;
  /** What it holds, for the operator who puts the value in. */
  description: string;
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

/**
 * A queue of the service's own that other services may send messages to (they declare
 * it in `sendsTo`), drained by one handler in batches with partial batch responses, with a
 * dead-letter queue. Its URL and ARN are published in SSM
 * (`/shoplane/<stage>/<service>/<name>-queue-url` and `-queue-arn`).
 */
export interface QueueDeclaration extends FunctionPermissions {
  /** Lower-case name; senders name the queue `<service>.<name>`. */
  name: string;
  handler: string;
  /** Domain event types (detail-type) the platform bus also routes into this queue, as a subscription's rule would. */
  eventTypes?: string[];
}

export interface InternalOperationDeclaration extends FunctionPermissions {
  /** Name other services use to find it: SSM `/shoplane/<stage>/<service>/<name>`. */
  name: string;
  handler: string;
}

/** How often a schedule runs: a whole number of minutes (EventBridge rate expressions are whole minutes). */
export interface ScheduleRate {
  minutes: number;
}

/**
 * A function run on a fixed rate (in AWS an EventBridge rule with a rate expression;
 * locally a timer while the shop runs), e.g. a sweeper of work left unfinished. It gets
 * the scheduled event and nothing else, so it must find its work itself and be safe to
 * run twice at once (EventBridge delivers a schedule at least once).
 */
export interface ScheduleDeclaration extends FunctionPermissions {
  handler: string;
  every: ScheduleRate;
}

export interface ServiceManifest {
  /** Lower-case service name; also the Nx project name and the scope tag. */
  name: string;
  table: TableDeclaration;
  routes: RouteDeclaration[];
  subscriptions?: SubscriptionDeclaration[];
  queues?: QueueDeclaration[];
  internalOperations?: InternalOperationDeclaration[];
  schedules?: ScheduleDeclaration[];
  /** Secrets the service owns (provider keys, webhook signing secrets); each function declares which it reads. */
  secrets?: SecretDeclaration[];
}

function permissionDeclarations(manifest: ServiceManifest): FunctionPermissions[] {
  return declarationsOf(manifest).map((entry) => entry.declaration);
}

function checkSchedules(manifest: ServiceManifest): void {
  for (const schedule of manifest.schedules ?? []) {
    const { minutes } = schedule.every;
    if (!Number.isInteger(minutes) || minutes < 1) {
      throw new Error(`Service ${manifest.name}: schedule "${schedule.handler}" runs every ${minutes} minutes; a rate is a whole number of minutes, at least 1`);
    }
  }
  const handlers = (manifest.schedules ?? []).map((schedule) => schedule.handler);
  const twice = handlers.filter((handler, index) => handlers.indexOf(handler) !== index);
  if (twice.length > 0) throw new Error(`Service ${manifest.name} schedules handler(s) twice: ${twice.join(', ')}`);
}

function checkQueues(manifest: ServiceManifest): void {
  const names = (manifest.queues ?? []).map((queue) => queue.name);
  for (const name of names) {
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(name)) throw new Error(`Service ${manifest.name} declares queue "${name}"; a queue name is lower-case letters, digits and dashes`);
  }
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length > 0) throw new Error(`Service ${manifest.name} declares queue(s) twice: ${twice.join(', ')}`);
  for (const queue of manifest.queues ?? []) {
    if (queue.eventTypes?.length === 0) throw new Error(`Service ${manifest.name}: queue "${queue.name}" lists no eventTypes; leave the list out instead`);
  }
}

function checkSecrets(manifest: ServiceManifest): void {
  const declared = (manifest.secrets ?? []).map((secret) => secret.name);
  const twice = declared.filter((name, index) => declared.indexOf(name) !== index);
  if (twice.length > 0) throw new Error(`Service ${manifest.name} declares secret(s) twice: ${twice.join(', ')}`);
  const unknown = permissionDeclarations(manifest).flatMap((declaration) => declaration.secrets ?? []).filter((name) => !declared.includes(name));
  if (unknown.length > 0) throw new Error(`Service ${manifest.name} reads secret(s) it does not declare in \`secrets\`: ${[...new Set(unknown)].join(', ')}`);
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
  const declarations = permissionDeclarations(manifest);
  for (const key of declarations.flatMap((declaration) => declaration.invokes ?? [])) parseInternalOperationKey(key);
  for (const key of declarations.flatMap((declaration) => declaration.sendsTo ?? [])) parseQueueKey(key);
  checkQueues(manifest);
  checkSchedules(manifest);
  checkSecrets(manifest);
  return manifest;
}
