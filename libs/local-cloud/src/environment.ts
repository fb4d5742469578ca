import { randomBytes } from 'node:crypto';
import { internalOperationKey } from '@shoplane/contracts';
import {
  capabilityVariables,
  configurationOf,
  functionName,
  handlerNames,
  internalOperationVariable,
  parameterName,
  permissionsOf,
  platformVariables,
  queueKey,
  queueUrlVariable,
  tableName,
  tableNameVariable,
  type PlatformVariable,
  type ServiceManifest,
} from '@shoplane/manifest';
import { localStage } from './aws-identity.js';
import { localCredentials, localRegion } from './dynamodb-local.js';
import { localQueues } from './local-queues.js';
import { localMaxReceives } from './sqs-records.js';

/** The platform resources' names in the local stage; the platform stack creates the same names per stage in AWS. */
export const localPlatform = {
  eventBusName: `shoplane-${localStage}`,
  tokenIssuer: 'https://shoplane.local',
  tokenAudience: 'shoplane-api',
  publicKeysParameter: parameterName(localStage, 'platform', 'jwt-public-keys'),
  signingKeySecret: `shoplane/${localStage}/jwt-signing-key`,
} as const satisfies Record<PlatformVariable, string>;

export interface LocalEndpoints {
  dynamodb: string;
  controlPlane: string;
}

/**
 * What the platform publishes in SSM (`/shoplane/<stage>/platform/<key>`) that functions
 * may get in a variable (`platformValues` in a manifest), by key: locally, `http-api-url`
 * is the gateway.
 */
export type LocalPlatformValues = ReadonlyMap<string, string>;

export function localPlatformValues(apiUrl: string): LocalPlatformValues {
  return new Map([['http-api-url', apiUrl]]);
}

/** The same values as the SSM parameters the platform stack publishes them in. */
export function platformValueParameters(values: LocalPlatformValues): [string, string][] {
  return [...values].map(([key, value]) => [parameterName(localStage, 'platform', key), value]);
}

/** A service's secret, as its stack names it in AWS: `shoplane/<stage>/<service>/<name>`. */
export function serviceSecretName(service: string, name: string): string {
  return `shoplane/${localStage}/${service}/${name}`;
}

/**
 * Every secret the services declare, each with a fresh random value: nothing outside
 * the machine signs with them (the payment sandbox signs its own webhooks).
 */
export function localServiceSecrets(services: ServiceManifest[]): [string, string][] {
  return services.flatMap((service) => (service.secrets ?? []).map((secret) => [serviceSecretName(service.name, secret.name), randomBytes(32).toString('hex')] as [string, string]));
}

/** Every internal operation of these services (`<service>.<name>`) and the local function serving it. */
export function internalOperationFunctions(services: ServiceManifest[]): Map<string, string> {
  return new Map(
    services.flatMap((service) =>
      (service.internalOperations ?? []).map(
        (operation) => [internalOperationKey({ service: service.name, name: operation.name }), functionName(localStage, service.name, operation.handler)] as const,
      ),
    ),
  );
}

/** What every local function sees: where the local AWS is, fixed credentials and region, the stage. */
function sharedEnvironment(endpoints: LocalEndpoints, inherited: NodeJS.ProcessEnv): Record<string, string> {
  return {
    [platformVariables.stage]: localStage,
    // Fixed local credentials and region: whatever AWS profile the developer has, nothing here may reach it.
    AWS_REGION: localRegion,
    AWS_DEFAULT_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_SESSION_TOKEN: '',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // The SDK takes `AWS_ENDPOINT_URL_<serviceId>` (upper case, spaces → `_`), see @smithy/core endpoints.
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SSM: endpoints.controlPlane,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.controlPlane,
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.controlPlane,
    AWS_ENDPOINT_URL_LAMBDA: endpoints.controlPlane,
    AWS_ENDPOINT_URL_SESV2: endpoints.controlPlane,
    AWS_ENDPOINT_URL_SNS: endpoints.controlPlane,
    AWS_ENDPOINT_URL_SFN: endpoints.controlPlane,
    AWS_ENDPOINT_URL_SQS: endpoints.controlPlane,
    // Any other service falls through to the control plane, which refuses it by name, instead of reaching AWS.
    AWS_ENDPOINT_URL: endpoints.controlPlane,
    AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false',
    POWERTOOLS_LOG_LEVEL: inherited.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // Nothing reads EMF here: a metric line per invocation would only bury the logs.
    POWERTOOLS_METRICS_DISABLED: inherited.POWERTOOLS_METRICS_DISABLED ?? 'true',
    // How often the local bus delivers a message before it dead-letters it (lambda-kit's consumers count that last receive).
    QUEUE_MAX_RECEIVE_COUNT: String(localMaxReceives),
  };
}

/** The variables naming the secrets and carrying the platform values a function's declarations give it. */
function configurationVariables(manifest: ServiceManifest, handler: string, platformValues: LocalPlatformValues): Record<string, string> {
  const { secrets, platformValues: wanted } = configurationOf(manifest, handler);
  const variables: Record<string, string> = {};
  for (const secret of secrets) variables[secret.variable] = serviceSecretName(manifest.name, secret.name);
  for (const [variable, key] of Object.entries(wanted)) {
    const value = platformValues.get(key);
    if (value !== undefined) variables[variable] = value;
  }
  return variables;
}

/**
 * The variables a function sees only when its declarations give them to it: every
 * table name, every platform capability's variables, every internal operation's
 * function name, every secret's name and platform value a declaration asks for, every
 * queue's URL. All of them at once are what the process itself (seeds, tests, tools)
 * sees outside any function.
 */
export function functionScopedEnvironment(
  services: ServiceManifest[],
  platformValues: LocalPlatformValues = new Map(),
  queueUrls: ReadonlyMap<string, string> = new Map(),
): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const variable of Object.keys(localPlatform) as PlatformVariable[]) variables[platformVariables[variable]] = localPlatform[variable];
  for (const service of services) variables[tableNameVariable(service.name)] = tableName(localStage, service.name);
  for (const [operation, target] of internalOperationFunctions(services)) variables[internalOperationVariable(operation)] = target;
  for (const service of services) {
    for (const handler of handlerNames(service)) Object.assign(variables, configurationVariables(service, handler, platformValues));
    for (const queue of service.queues ?? []) {
      const key = queueKey({ service: service.name, name: queue.name });
      variables[queueUrlVariable(key)] = queueUrls.get(key) ?? '';
    }
  }
  return variables;
}

/** `INVOKE_<SERVICE>_<NAME>` for each internal operation a function invokes, naming the local function serving it. */
export function invokeVariables(invokes: readonly string[], operations: ReadonlyMap<string, string>): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const target of invokes) {
    const targetFunction = operations.get(target);
    if (targetFunction) variables[internalOperationVariable(target)] = targetFunction;
  }
  return variables;
}

/**
 * What one function's declarations give it, as its stack does in AWS: its table's
 * name, the variables of the capabilities it declared (or that its route implies),
 * the function name of each internal operation it invokes, the name of each secret
 * it reads, the platform values it asks for and the URL of each queue it sends to.
 */
export function functionEnvironment(
  manifest: ServiceManifest,
  handler: string,
  operations: ReadonlyMap<string, string>,
  platformValues: LocalPlatformValues = new Map(),
  queueUrls: ReadonlyMap<string, string> = new Map(),
): Record<string, string> {
  const granted = permissionsOf(manifest, handler);
  const variables: Record<string, string> = { [tableNameVariable(manifest.name)]: tableName(localStage, manifest.name) };
  for (const capability of granted.capabilities) {
    for (const variable of capabilityVariables[capability]) variables[platformVariables[variable]] = localPlatform[variable];
  }
  Object.assign(variables, invokeVariables(granted.invokes, operations));
  for (const target of granted.sendsTo ?? []) {
    const url = queueUrls.get(target);
    if (url) variables[queueUrlVariable(target)] = url;
  }
  return { ...variables, ...configurationVariables(manifest, handler, platformValues) };
}

/** The manifests' queues' URLs on this control plane, by `<service>.<name>`. */
export function localQueueUrls(services: ServiceManifest[], controlPlaneEndpoint: string): Map<string, string> {
  return new Map(localQueues(services, controlPlaneEndpoint).map((queue) => [queue.key, queue.url]));
}

/**
 * The process's variables while the shop runs: what every function shares plus,
 * for code outside any function, every function-scoped one. Inside a function
 * `isolateFunctionEnvironments` narrows the latter to its own.
 */
export function localEnvironment(
  services: ServiceManifest[],
  endpoints: LocalEndpoints,
  inherited = process.env,
  platformValues: LocalPlatformValues = new Map(),
): Record<string, string> {
  return {
    ...sharedEnvironment(endpoints, inherited),
    ...functionScopedEnvironment(services, platformValues, localQueueUrls(services, endpoints.controlPlane)),
  };
}

/** Sets the variables on this process and returns how to put the previous values back. */
export function applyEnvironment(variables: Record<string, string>, target = process.env): () => void {
  const previous = new Map(Object.keys(variables).map((name) => [name, target[name]]));
  for (const [name, value] of Object.entries(variables)) {
    if (value === '') delete target[name];
    else target[name] = value;
  }
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete target[name];
      else target[name] = value;
    }
  };
}
