import { routeKey } from '@shoplane/contracts';
import { appWithFeatureFlags, createStubBundles, functionsWithoutRetainedLogs, unacknowledgedNagFindings, unusedNagAcknowledgements, workspaceUnits } from '@shoplane/cdk-kit';
import { deadLetterQueueName, serviceQueues, unitQueueName } from '@shoplane/manifest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlatformStack, type PlatformStack } from './stack.js';

const units = await workspaceUnits();

function platformStack(context: Record<string, string> = {}): PlatformStack {
  const app = appWithFeatureFlags({ context });
  return createPlatformStack(app, { assetsRoot: createStubBundles('platform', ['signing-key']), units });
}

describe('PlatformStack', () => {
  let stack: PlatformStack;
  let template: Template;

  beforeAll(() => {
    stack = platformStack();
    template = Template.fromStack(stack);
  });

  it('is named shoplane-<stage>-platform', () => {
    expect(stack.stackName).toBe('shoplane-dev-platform');
  });

  it('creates one HTTP API with only an auto-deployed $default stage', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: '$default', AutoDeploy: true });
  });

  it('logs every API request as JSON to its own log group', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HttpApiAccessLogs'), 'Arn'] },
        Format: Match.serializedJson(Match.objectLike({ requestId: '$context.requestId', status: '$context.status' })),
      },
    });
  });

  it('keeps query strings, headers and bodies out of the access log (they may carry tokens)', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as { Properties: { AccessLogSettings: { Format: string } } };
    const fields = Object.values(JSON.parse(stage.Properties.AccessLogSettings.Format) as Record<string, string>);

    // `$context.path` is the path alone in an HTTP API; nothing else the format names holds request input.
    expect(fields.every((field) => /^\$context\.[A-Za-z.]+$/.test(field))).toBe(true);
    expect(fields.filter((field) => /query|header|authorizer|body|querystring/i.test(field))).toEqual([]);
  });

  it('accepts no browser origin (no CORS) unless origins are configured', () => {
    const api = Object.values(template.findResources('AWS::ApiGatewayV2::Api'))[0] as { Properties: Record<string, unknown> };

    expect(api.Properties['CorsConfiguration']).toBeUndefined();
  });

  it('throttles every route by default', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    });
  });

  it('creates the event bus shoplane-<stage> with a 30-day archive of its events', () => {
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'shoplane-dev' });
    template.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EventBus'), 'Arn'] },
      RetentionDays: 30,
    });
  });

  it.each([
    ['/shoplane/dev/platform/http-api-id', { Ref: Match.stringLikeRegexp('^HttpApi') }],
    ['/shoplane/dev/platform/http-api-url', Match.objectLike({ 'Fn::Join': Match.anyValue() })],
    ['/shoplane/dev/platform/event-bus-name', { Ref: Match.stringLikeRegexp('^EventBus') }],
    ['/shoplane/dev/platform/event-bus-arn', { 'Fn::GetAtt': [Match.stringLikeRegexp('^EventBus'), 'Arn'] }],
    ['/shoplane/dev/platform/token-issuer', 'https://shoplane/dev'],
    ['/shoplane/dev/platform/token-audience', 'shoplane-api'],
    ['/shoplane/dev/platform/signing-key-secret-arn', { Ref: Match.stringLikeRegexp('^SigningKeySecret') }],
    ['/shoplane/dev/platform/alarm-topic-arn', { Ref: Match.stringLikeRegexp('^AlarmsTopic') }],
  ])('publishes %s in SSM', (name, value) => {
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: name, Value: value });
  });

  it('fills the signing key secret and the public keys parameter through a custom resource', () => {
    template.hasResourceProperties('Custom::SigningKey', {
      SecretId: { Ref: Match.stringLikeRegexp('^SigningKeySecret') },
      ParameterName: '/shoplane/dev/platform/jwt-public-keys',
    });
  });

  it('runs the key provisioner from its prebuilt bundle on arm64 Node.js 24', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'shoplane-dev-platform-signing-key',
      Handler: 'signing-key.handler',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
    });
  });

  it('lets the key provisioner touch only the signing key secret and the public keys parameter', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'],
            Effect: 'Allow',
            Resource: { Ref: Match.stringLikeRegexp('^SigningKeySecret') },
          },
          {
            Action: 'ssm:PutParameter',
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', Match.arrayWith([':parameter/shoplane/dev/platform/jwt-public-keys'])] },
          },
        ]),
      },
    });
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
    expect(unacknowledgedNagFindings(stack)).toEqual([]);
  });

  it('acknowledges no cdk-nag finding that does not occur', () => {
    expect(unusedNagAcknowledgements(stack)).toEqual([]);
  });

  it("gives every function, CDK's own included, a log group with a retention", () => {
    expect(functionsWithoutRetainedLogs(template)).toEqual([]);
  });
});

describe('PlatformStack alarms and dashboard', () => {
  let template: Template;
  const alarmTopic = { Ref: Match.stringLikeRegexp('^AlarmsTopic') };

  beforeAll(() => {
    template = Template.fromStack(platformStack());
  });

  it('has one alarm topic for the stage, encrypted with a rotated key of its own and refusing requests without TLS', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'shoplane-dev-alarms', KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlarmsKey'), 'Arn'] } });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'cloudwatch.amazonaws.com' } }),
        ]),
      },
    });
  });

  it('lets CloudWatch use the topic key, which it needs to publish to an encrypted topic', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] })]) },
    });
  });

  it("alarms on the API's 5xx share of requests over two five-minute periods, to the topic", () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'shoplane-dev-platform-api-5xx-rate',
      Threshold: 5,
      EvaluationPeriods: 2,
      TreatMissingData: 'notBreaching',
      AlarmActions: [alarmTopic],
      OKActions: [alarmTopic],
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'IF(requests >= 10, 100 * errors / requests, 0)' }),
        Match.objectLike({ Id: 'errors', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: '5xx', Namespace: 'AWS/ApiGateway' }) }) }),
      ]),
    });
  });

  it("alarms on the key provisioner's errors and throttles", () => {
    for (const metric of ['Errors', 'Throttles']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/Lambda', MetricName: metric, AlarmActions: [alarmTopic] });
    }
  });

  it('turns on route metrics, which the latency per route needs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: Match.objectLike({ DetailedMetricsEnabled: true }) });
  });

  describe('the dashboard shoplane-<stage>', () => {
    const body = () => {
      const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard')) as Array<{ Properties: { DashboardName: string; DashboardBody: unknown } }>;
      return JSON.stringify(dashboard?.Properties.DashboardBody);
    };

    it('is one per stage', () => {
      template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
      template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'shoplane-dev' });
    });

    it('graphs the checkout funnel from the orders service metrics', () => {
      expect(body()).toContain('Checkout funnel');
      for (const metric of ['OrdersCreated', 'OrdersConfirmed', 'OrdersFailed']) expect(body()).toContain(`\\"Shoplane\\",\\"${metric}\\",\\"service\\",\\"orders\\"`);
    });

    it('graphs cold starts of every function, whichever functions report them', () => {
      expect(body()).toMatch(/SEARCH\('\{Shoplane,function_name,service\} MetricName=[^,]*ColdStart/);
    });

    it('graphs the latency of every route of every service', () => {
      const routes = units.services.flatMap((service) => service.routes.map((route) => routeKey(route.operation)));

      expect(routes.length).toBeGreaterThan(20);
      for (const route of routes) expect(body()).toContain(`\\"Route\\",\\"${route}\\"`);
    });

    it('graphs every queue: messages waiting, oldest message and dead letters', () => {
      const analytics = units.services.find((service) => service.name === 'analytics');
      if (!analytics) throw new Error('the workspace has no analytics service');
      const queues = serviceQueues(analytics);

      expect(queues.length).toBeGreaterThan(0);
      for (const queue of queues.filter((unitQueue) => unitQueue.hasDeadLetterQueue)) {
        expect(body()).toContain(`\\"ApproximateAgeOfOldestMessage\\",\\"QueueName\\",\\"${unitQueueName('dev', 'analytics', queue)}\\"`);
        expect(body()).toContain(`\\"ApproximateNumberOfMessagesVisible\\",\\"QueueName\\",\\"${deadLetterQueueName('dev', 'analytics', queue)}\\"`);
      }
      expect(body()).toContain('shoplane-dev-checkout-start-checkout-dlq');
    });
  });
});

describe('PlatformStack in another stage', () => {
  it('takes the stage from the app context into every name', () => {
    const template = Template.fromStack(platformStack({ stage: 'prod' }));

    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'shoplane-prod' });
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/shoplane/prod/platform/http-api-id' });
  });

  it('retains the signing key secret outside dev', () => {
    const template = Template.fromStack(platformStack({ stage: 'prod' }));

    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
  });
});

describe('PlatformStack for a web front end', () => {
  it('lets exactly the configured origins call the API from browsers, with the headers the API uses', () => {
    const template = Template.fromStack(platformStack({ allowedOrigins: 'https://shop.example.org, https://admin.example.org' }));

    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://shop.example.org', 'https://admin.example.org'],
        AllowHeaders: Match.arrayWith(['authorization', 'idempotency-key']),
        ExposeHeaders: Match.arrayWith(['x-correlation-id']),
      }),
    });
  });
});
