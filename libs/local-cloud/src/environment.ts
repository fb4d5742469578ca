import {
  functionName,
  internalOperationVariable,
  parameterName,
  platformVariables,
  tableName,
  tableNameVariable,
  type ServiceManifest,
} from '@shoplane/manifest';
import { localStage } from './aws-identity.js';
import { localCredentials, localRegion } from './dynamodb-local.js';

/** The platform resources' names in the local stage; the platform stack creates the same names per stage in AWS. */
export const localPlatform = {
  eventBusName: `shoplane-${localStage}`,
  tokenIssuer: 'https://shoplane.local',
  tokenAudience: 'shoplane-api',
  publicKeysParameter: parameterName(localStage, 'platform', 'jwt-public-keys'),
  signingKeySecret: `shoplane/${localStage}/jwt-signing-key`,
} as const;

export interface LocalEndpoints {
  dynamodb: string;
  controlPlane: string;
}

/**
 * The variables every local function sees. One process hosts every service, so the
 * variables are process-wide — which is why manifest variable names are service-specific.
 */
export function localEnvironment(services: ServiceManifest[], endpoints: LocalEndpoints, inherited = process.env): Record<string, string> {
  const variables: Record<string, string> = {
    [platformVariables.stage]: localStage,
    [platformVariables.eventBusName]: localPlatform.eventBusName,
    [platformVariables.tokenIssuer]: localPlatform.tokenIssuer,
    [platformVariables.tokenAudience]: localPlatform.tokenAudience,
    [platformVariables.publicKeysParameter]: localPlatform.publicKeysParameter,
    [platformVariables.signingKeySecret]: localPlatform.signingKeySecret,
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
    // Any other service falls through to the control plane, which refuses it by name, instead of reaching AWS.
    AWS_ENDPOINT_URL: endpoints.controlPlane,
    AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false',
    POWERTOOLS_LOG_LEVEL: inherited.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  };
  for (const service of services) {
    variables[tableNameVariable(service.name)] = tableName(localStage, service.name);
    for (const operation of service.internalOperations ?? []) {
      variables[internalOperationVariable(`${service.name}.${operation.name}`)] = functionName(localStage, service.name, operation.handler);
    }
  }
  return variables;
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
