import { parameterName } from '@shoplane/manifest';
import { App, Stack, Tags } from 'aws-cdk-lib';

/** The stage every Shoplane app deploys to unless `-c stage=<name>` says otherwise. */
export const defaultStage = 'dev';

/** The stage from CDK context `stage`; one stage per deployment (dev, staging, prod, ...). */
export function stageOf(app: App): string {
  const stage: unknown = app.node.tryGetContext('stage') ?? defaultStage;
  if (typeof stage !== 'string' || !/^[a-z][a-z0-9-]{0,15}$/.test(stage)) {
    throw new Error(`Context "stage" must be a short lower-case name like "dev", got ${JSON.stringify(stage)}`);
  }
  return stage;
}

/** CloudFormation stack name of a unit in a stage, e.g. `shoplane-dev-users`. */
export function stackName(stage: string, unit: string): string {
  return `shoplane-${stage}-${unit}`;
}

/** Dev stacks are disposable; every other stage keeps its data when a stack goes away. */
export function isDisposableStage(stage: string): boolean {
  return stage === defaultStage;
}

/** Tags every resource of a stack carries, for cost reports and ownership. */
export function tagStack(stack: Stack, stage: string, unit: string): void {
  const tags = Tags.of(stack);
  tags.add('project', 'shoplane');
  tags.add('service', unit);
  tags.add('stage', stage);
}

/**
 * What the platform stack publishes in SSM for every service to read at deploy
 * time. Services never use CloudFormation exports, so the platform can be
 * updated without touching them (DESIGN.md §3).
 */
export const platformKeys = {
  httpApiId: 'http-api-id',
  httpApiUrl: 'http-api-url',
  eventBusName: 'event-bus-name',
  eventBusArn: 'event-bus-arn',
  tokenIssuer: 'token-issuer',
  tokenAudience: 'token-audience',
  /** The parameter that *holds* the public keys JSON (written by the signing-key custom resource). */
  publicKeys: 'jwt-public-keys',
  signingKeySecretArn: 'signing-key-secret-arn',
  /** The stage's SNS topic every alarm notifies. */
  alarmTopicArn: 'alarm-topic-arn',
} as const;

export type PlatformKey = keyof typeof platformKeys;

/** SSM name of a platform value in a stage, e.g. `/shoplane/dev/platform/http-api-id`. */
export function platformParameterName(stage: string, key: PlatformKey): string {
  return parameterName(stage, 'platform', platformKeys[key]);
}
