import { internalOperationKey } from '@shoplane/contracts';
import type { FunctionPermissions, PlatformCapability, RouteDeclaration, SecretDeclaration, ServiceManifest, TableAccess } from './declarations.js';

/** Where a function is declared: what runs it. */
export type DeclarationKind = 'route' | 'subscription' | 'queue' | 'internalOperation' | 'schedule' | 'stream';

/** What a function may do, with defaults applied and implied capabilities added. */
export interface GrantedPermissions {
  tableAccess: TableAccess;
  capabilities: PlatformCapability[];
  invokes: string[];
  /** Queues of other services it may send to (`<service>.<name>`); present only when there are any. */
  sendsTo?: string[];
}

/** One declaration that runs a handler, read the one way the stack and the local runtime both read it. */
export interface FunctionDeclaration extends GrantedPermissions {
  kind: DeclarationKind;
  handler: string;
}

/** Canonical order, so that the same declaration always reads the same. */
const capabilityOrder: readonly PlatformCapability[] = ['verifyTokens', 'signTokens', 'publishEvents'];
const accessStrength: Record<TableAccess, number> = { none: 0, read: 1, readWrite: 2 };

function inOrder(capabilities: Iterable<PlatformCapability>): PlatformCapability[] {
  const wanted = new Set(capabilities);
  return capabilityOrder.filter((capability) => wanted.has(capability));
}

/** `sendsTo` only where there is a queue to send to, so a function that sends nothing reads as before. */
function sendingTo(targets: Iterable<string>): Pick<GrantedPermissions, 'sendsTo'> {
  const sendsTo = [...new Set(targets)];
  return sendsTo.length > 0 ? { sendsTo } : {};
}

/** A declaration that runs a function, with what kind it is (a route keeps its operation: its auth implies a capability). */
export type KindedDeclaration =
  | { kind: 'route'; declaration: RouteDeclaration }
  | { kind: Exclude<DeclarationKind, 'route'>; declaration: FunctionPermissions & { handler: string } };

/**
 * Every declaration of the manifest that runs a function, in declaration order: routes,
 * subscriptions, queues, internal operations, schedules, then the table stream. The one
 * list of declaration kinds; a new kind is added here and every reader sees it.
 */
export function declarationsOf(manifest: ServiceManifest): KindedDeclaration[] {
  const of = (kind: Exclude<DeclarationKind, 'route'>, declarations: (FunctionPermissions & { handler: string })[] = []): KindedDeclaration[] =>
    declarations.map((declaration) => ({ kind, declaration }));
  return [
    ...manifest.routes.map((declaration): KindedDeclaration => ({ kind: 'route', declaration })),
    ...of('subscription', manifest.subscriptions),
    ...of('queue', manifest.queues),
    ...of('internalOperation', manifest.internalOperations),
    ...of('schedule', manifest.schedules),
    ...of('stream', manifest.table.stream ? [manifest.table.stream] : []),
  ];
}

/** Every declaration that runs a function, read the one way the stack and the local runtime both read it. */
export function functionDeclarations(manifest: ServiceManifest): FunctionDeclaration[] {
  return declarationsOf(manifest).map((entry) => {
    const { declaration } = entry;
    // Anything but a public operation authenticates its caller, so it reads the platform's public keys.
    const implied: PlatformCapability[] = entry.kind === 'route' && entry.declaration.operation.auth !== 'public' ? ['verifyTokens'] : [];
    return {
      kind: entry.kind,
      handler: declaration.handler,
      tableAccess: declaration.tableAccess ?? 'readWrite',
      capabilities: inOrder([...implied, ...(declaration.capabilities ?? [])]),
      invokes: [...new Set(declaration.invokes ?? [])],
      ...sendingTo(declaration.sendsTo ?? []),
    };
  });
}

/** Every handler the manifest references, once each, in declaration order. */
export function handlerNames(manifest: ServiceManifest): string[] {
  return [...new Set(functionDeclarations(manifest).map((declaration) => declaration.handler))];
}

/**
 * What each handler's function may do. A handler named by several declarations
 * gets the union of their capabilities and invokes and the strongest table access.
 */
export function functionPermissions(manifest: ServiceManifest): Map<string, GrantedPermissions> {
  const granted = new Map<string, GrantedPermissions>();
  for (const declaration of functionDeclarations(manifest)) {
    const current = granted.get(declaration.handler);
    if (!current) {
      const { kind: _kind, handler: _handler, ...permissions } = declaration;
      granted.set(declaration.handler, permissions);
      continue;
    }
    granted.set(declaration.handler, {
      tableAccess: accessStrength[declaration.tableAccess] > accessStrength[current.tableAccess] ? declaration.tableAccess : current.tableAccess,
      capabilities: inOrder([...current.capabilities, ...declaration.capabilities]),
      invokes: [...new Set([...current.invokes, ...declaration.invokes])],
      ...sendingTo([...(current.sendsTo ?? []), ...(declaration.sendsTo ?? [])]),
    });
  }
  return granted;
}

/** What one handler's function may do; throws for a handler the manifest does not name. */
export function permissionsOf(manifest: ServiceManifest, handler: string): GrantedPermissions {
  const granted = functionPermissions(manifest).get(handler);
  if (!granted) throw new Error(`Service ${manifest.name} declares no handler "${handler}"`);
  return granted;
}

/** The internal operations a handler serves, as `<service>.<name>`. */
export function internalOperationsServedBy(manifest: ServiceManifest, handler: string): string[] {
  return (manifest.internalOperations ?? [])
    .filter((operation) => operation.handler === handler)
    .map((operation) => internalOperationKey({ service: manifest.name, name: operation.name }));
}

/** What a function reads besides its grants' own variables: the service's secrets it names, and platform values in variables. */
export interface FunctionConfiguration {
  secrets: SecretDeclaration[];
  /** Variable → platform SSM key (`/shoplane/<stage>/platform/<key>`). */
  platformValues: Record<string, string>;
}

/** The union of what every declaration running `handler` says it reads. */
export function configurationOf(manifest: ServiceManifest, handler: string): FunctionConfiguration {
  const declarations = declarationsOf(manifest)
    .map((entry) => entry.declaration)
    .filter((declaration) => declaration.handler === handler);
  if (declarations.length === 0) throw new Error(`Service ${manifest.name} declares no handler "${handler}"`);
  const names = new Set(declarations.flatMap((declaration) => declaration.secrets ?? []));
  return {
    secrets: (manifest.secrets ?? []).filter((secret) => names.has(secret.name)),
    platformValues: Object.assign({}, ...declarations.map((declaration) => declaration.platformValues ?? {})) as Record<string, string>,
  };
}
