import {
  alarmPeriod,
  defaultAssetsRoot,
  OperationalAlarms,
  isDisposableStage,
  platformParameterName,
  stackName,
  stageOf,
  tagStack,
  type PlatformKey,
  type WorkspaceUnits,
} from '@shoplane/cdk-kit';
import { RemovalPolicy, Stack, type App, type StackProps } from 'aws-cdk-lib';
import type { ThrottleSettings } from 'aws-cdk-lib/aws-apigatewayv2';
import { MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { AlarmTopic } from './alarm-topic.js';
import { OperationsDashboard } from './dashboard.js';
import { DomainEventBus } from './event-bus.js';
import { SharedHttpApi } from './http-api.js';
import { SigningKey } from './signing-key.js';

/** The audience every Shoplane token is issued for and checked against. */
export const tokenAudience = 'shoplane-api';

/** The issuer of a stage's tokens; a name, not a URL anything is fetched from. */
export function tokenIssuer(stage: string): string {
  return `https://shoplane/${stage}`;
}

export interface PlatformStackProps extends StackProps {
  stage: string;
  /** Folder holding `platform/signing-key.mjs`; defaults to the workspace's `dist/apps`. Tests pass stubs. */
  assetsRoot?: string;
  throttle?: ThrottleSettings;
  /** Browser origins allowed to call the API (CORS); from `-c allowedOrigins=https://a,https://b`. */
  allowedOrigins?: string[];
  /** Every service and orchestrator (`workspaceUnits()`): the dashboard shows their routes and queues. */
  units: WorkspaceUnits;
}

/**
 * A 5xx share of the API's answers that pages someone: five in a hundred, over two
 * five-minute periods running, once at least ten requests came in a period (fewer say
 * little). Handlers answer an unexpected error with a 500 without failing the function,
 * so the function alarms do not see these.
 */
const serverErrorPercentThreshold = 5;

/**
 * What every service plugs into: the shared HTTP API, the domain event bus,
 * the token signing key, the stage's alarm topic and its dashboard. Each is published in SSM under
 * `/shoplane/<stage>/platform/...`, the only way service stacks find them, so
 * that neither side holds a CloudFormation export over the other.
 */
export class PlatformStack extends Stack {
  readonly httpApi: SharedHttpApi;
  readonly eventBus: DomainEventBus;
  readonly signingKey: SigningKey;
  readonly alarmTopic: AlarmTopic;
  readonly alarms: OperationalAlarms;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, { stackName: stackName(props.stage, 'platform'), ...props });
    const { stage } = props;
    const removalPolicy = isDisposableStage(stage) ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    tagStack(this, stage, 'platform');

    this.httpApi = new SharedHttpApi(this, 'HttpApi', { stage, removalPolicy, throttle: props.throttle, allowedOrigins: props.allowedOrigins });
    this.eventBus = new DomainEventBus(this, 'EventBus', { stage });
    this.signingKey = new SigningKey(this, 'SigningKey', {
      stage,
      assetsRoot: props.assetsRoot ?? defaultAssetsRoot(),
      removalPolicy,
      publicKeysParameterName: platformParameterName(stage, 'publicKeys'),
    });

    this.alarmTopic = new AlarmTopic(this, 'Alarms', { stage, removalPolicy });
    this.alarms = new OperationalAlarms(this, 'Watch', { stage, unit: 'platform', topic: this.alarmTopic.topic });
    this.alarms.watchFunction('signing-key', this.signingKey.provisioner);
    const stageMetrics = { period: alarmPeriod, statistic: 'Sum' };
    this.alarms.add({
      name: 'api-5xx-rate',
      description: `Over ${serverErrorPercentThreshold}% of the API's answers were 5xx for ten minutes; see the access log's status and integrationError.`,
      metric: new MathExpression({
        expression: 'IF(requests >= 10, 100 * errors / requests, 0)',
        usingMetrics: { errors: this.httpApi.defaultStage.metricServerError(stageMetrics), requests: this.httpApi.defaultStage.metricCount(stageMetrics) },
        period: alarmPeriod,
        label: '5xx, % of requests',
      }),
      threshold: serverErrorPercentThreshold,
      evaluationPeriods: 2,
    });
    new OperationsDashboard(this, 'Operations', { stage, httpStage: this.httpApi.defaultStage, apiId: this.httpApi.api.apiId, units: props.units });

    const published: Array<[Exclude<PlatformKey, 'publicKeys'>, string, string]> = [
      ['httpApiId', this.httpApi.api.apiId, 'Id of the shared HTTP API that services add their routes to.'],
      ['httpApiUrl', this.httpApi.url, 'Base URL of the shared HTTP API.'],
      ['eventBusName', this.eventBus.bus.eventBusName, 'Name of the domain event bus.'],
      ['eventBusArn', this.eventBus.bus.eventBusArn, 'ARN of the domain event bus.'],
      ['tokenIssuer', tokenIssuer(stage), 'Issuer (iss) of Shoplane tokens.'],
      ['tokenAudience', tokenAudience, 'Audience (aud) of Shoplane tokens.'],
      ['signingKeySecretArn', this.signingKey.secret.secretArn, 'ARN of the token signing key secret (only the users service reads it).'],
      ['alarmTopicArn', this.alarmTopic.topic.topicArn, 'ARN of the SNS topic every alarm of the stage notifies.'],
    ];
    for (const [key, value, description] of published) {
      new StringParameter(this, `${key}Parameter`, {
        parameterName: platformParameterName(stage, key),
        stringValue: value,
        description,
      });
    }
  }
}

/** The stack `nx deploy platform` deploys: `shoplane-<stage>-platform`, stage from `-c stage=...`. */
export function createPlatformStack(app: App, props: Omit<PlatformStackProps, 'stage'> & { stage?: string }): PlatformStack {
  const stage = props.stage ?? stageOf(app);
  const fromContext = app.node.tryGetContext('allowedOrigins');
  const allowedOrigins = props.allowedOrigins ?? (typeof fromContext === 'string' ? fromContext.split(',').map((origin) => origin.trim()).filter(Boolean) : undefined);
  return new PlatformStack(app, stackName(stage, 'platform'), { ...props, stage, allowedOrigins });
}
