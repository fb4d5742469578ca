import type { PlatformCapability } from './declarations.js';

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

/** Splits `<service>.<name>` (contracts' `internalOperationKey`) and rejects anything else. */
export function parseInternalOperationKey(key: string): { service: string; name: string } {
  const match = /^([a-z][a-z0-9-]*)\.([A-Za-z][A-Za-z0-9-]*)$/.exec(key);
  if (!match?.[1] || !match[2]) throw new Error(`invokes entry "${key}" must look like "<service>.<operationName>"`);
  return { service: match[1], name: match[2] };
}

/** `<service>.<name>` of a queue a manifest declares: what senders list in `sendsTo`. */
export function queueKey(queue: { service: string; name: string }): string {
  return `${queue.service}.${queue.name}`;
}

/** Splits a `sendsTo` entry, `<service>.<name>`, and rejects anything else. */
export function parseQueueKey(key: string): { service: string; name: string } {
  const match = /^([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)$/.exec(key);
  if (!match?.[1] || !match[2]) throw new Error(`sendsTo entry "${key}" must look like "<service>.<queueName>"`);
  return { service: match[1], name: match[2] };
}

/** SSM parameters under which a service publishes a queue's URL (for the senders' code) and ARN (for their grants). */
export function queueParameterName(stage: string, queue: { service: string; name: string }, attribute: 'url' | 'arn'): string {
  return parameterName(stage, queue.service, `${queue.name}-queue-${attribute}`);
}

/** Environment variable carrying the URL of another service's queue a function sends to, e.g. `ANALYTICS_INGEST_QUEUE_URL`. */
export function queueUrlVariable(target: string): string {
  return `${target.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}_QUEUE_URL`;
}

/** Environment variable carrying the function name of another service's internal operation. */
export function internalOperationVariable(target: string): string {
  return `INVOKE_${target.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

/** Environment variables a function may read; values are names, never secrets. */
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

export type PlatformVariable = Exclude<keyof typeof platformVariables, 'stage'>;

/** The platform variables each capability gives a function, and only a function that declares it. */
export const capabilityVariables = {
  publishEvents: ['eventBusName'],
  verifyTokens: ['tokenIssuer', 'tokenAudience', 'publicKeysParameter'],
  signTokens: ['tokenIssuer', 'tokenAudience', 'signingKeySecret'],
} as const satisfies Record<PlatformCapability, readonly PlatformVariable[]>;

/** Physical function name of a handler in a stage, e.g. `shoplane-dev-users-register`. */
export function functionName(stage: string, service: string, handler: string): string {
  return `shoplane-${stage}-${service}-${handler}`;
}

/** TTL attribute of transactional-outbox rows (see lambda-kit's outbox). */
export const outboxTimeToLiveAttribute = 'expiresAt';
