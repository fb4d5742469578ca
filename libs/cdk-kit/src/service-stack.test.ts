import { functionName, platformVariables } from '@shoplane/manifest';
import { Template, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleStack } from './fixtures/example-service.js';
import { unacknowledgedNagFindings } from './nag.js';
import type { ServiceStack } from './service-stack.js';
import { actionsOf, resourcesOfStatement, roleOfFunction, statementsOfRole } from './testing.js';

const readActions = ['dynamodb:GetItem', 'dynamodb:Query'];
const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

function dynamoActionsOf(template: Template, handler: string): string[] {
  const role = roleOfFunction(template, functionName('dev', 'orders', handler));
  return statementsOfRole(template, role)
    .flatMap(actionsOf)
    .filter((action) => action.startsWith('dynamodb:'));
}

function environmentOf(template: Template, handler: string): Record<string, unknown> {
  const functions = template.findResources('AWS::Lambda::Function', {
    Properties: { FunctionName: functionName('dev', 'orders', handler) },
  });
  const [definition] = Object.values(functions) as Array<{ Properties: { Environment: { Variables: Record<string, unknown> } } }>;
  if (!definition) throw new Error(`No function for handler ${handler}`);
  return definition.Properties.Environment.Variables;
}

describe('ServiceStack from a manifest', () => {
  let stack: ServiceStack;
  let template: Template;

  beforeAll(() => {
    stack = exampleStack();
    template = Template.fromStack(stack);
  });

  it('names the stack shoplane-<stage>-<service>', () => {
    expect(stack.stackName).toBe('shoplane-dev-orders');
  });

  it('creates the table with the declared keys, indexes, TTL, stream and point-in-time recovery', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'shoplane-dev-orders',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'GSI1',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
        }),
      ],
      AttributeDefinitions: Match.arrayWith([{ AttributeName: 'GSI1SK', AttributeType: 'N' }]),
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  it('leaves deletion protection off in dev, where stacks are disposable', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
  });

  it('creates one function per handler, on arm64 Node.js 24 with 512 MB, 10 s and active tracing', () => {
    template.resourceCountIs('AWS::Lambda::Function', 7);
    for (const handler of ['create-order', 'find-order', 'health', 'on-payment', 'get-order', 'project-changes', 'sweep-orders']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: functionName('dev', 'orders', handler),
        Handler: `${handler}.handler`,
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Timeout: 10,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: Match.objectLike({ LogFormat: 'JSON' }),
      });
    }
  });

  it('gives every function its own log group with a retention period', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/lambda/shoplane-dev-orders-create-order',
      RetentionInDays: 30,
    });
  });

  it('tells each function its table name, stage, source maps and service name', () => {
    expect(environmentOf(template, 'find-order')).toMatchObject({
      ORDERS_TABLE_NAME: { Ref: expect.stringMatching(/^Table/) },
      [platformVariables.stage]: 'dev',
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'orders',
    });
  });

  it('passes each function the platform names of the capabilities it declared, never secret values', () => {
    expect(environmentOf(template, 'find-order')).toMatchObject({
      [platformVariables.tokenIssuer]: { Ref: expect.stringMatching(/tokenissuer/) },
      [platformVariables.tokenAudience]: { Ref: expect.stringMatching(/tokenaudience/) },
      [platformVariables.signingKeySecret]: { Ref: expect.stringMatching(/signingkeysecretarn/) },
    });
    expect(environmentOf(template, 'health')[platformVariables.publicKeysParameter]).toBe('/shoplane/dev/platform/jwt-public-keys');
    expect(environmentOf(template, 'project-changes')[platformVariables.eventBusName]).toEqual({ Ref: expect.stringMatching(/eventbusname/) });
  });

  it('passes no platform variable to a function that declared no capability', () => {
    const environment = environmentOf(template, 'get-order');

    expect(Object.keys(environment).filter((name) => (Object.values(platformVariables) as string[]).includes(name))).toEqual([platformVariables.stage]);
  });

  it('gives verifyTokens to a route whose operation is not public, without it being declared', () => {
    expect(environmentOf(template, 'health')).toHaveProperty(platformVariables.publicKeysParameter);
    expect(environmentOf(template, 'create-order')).not.toHaveProperty(platformVariables.publicKeysParameter);
  });

  it('grants read-write table actions by default', () => {
    expect(dynamoActionsOf(template, 'create-order')).toEqual(expect.arrayContaining([...readActions, ...writeActions]));
  });

  it('grants only read table actions to a handler declared with read access', () => {
    const actions = dynamoActionsOf(template, 'find-order');

    expect(actions).toEqual(expect.arrayContaining(readActions));
    expect(actions.filter((action) => writeActions.includes(action))).toEqual([]);
  });

  it('grants no table action to a handler declared with no access', () => {
    expect(dynamoActionsOf(template, 'health')).toEqual([]);
  });

  it('allows PutEvents on the platform bus, to the function that declared publishEvents only', () => {
    const putEventsOf = (handler: string) =>
      statementsOfRole(template, roleOfFunction(template, functionName('dev', 'orders', handler))).filter((statement) => actionsOf(statement).includes('events:PutEvents'));
    const publishing = ['create-order', 'find-order', 'health', 'on-payment', 'get-order', 'project-changes'].filter((handler) => putEventsOf(handler).length > 0);

    expect(publishing).toEqual(['project-changes']);
    expect(JSON.stringify(putEventsOf('project-changes').flatMap(resourcesOfStatement))).toContain(':event-bus/');
  });

  it('allows GetParameter on the public keys parameter to the verifying function, nothing wider', () => {
    const ssm = statementsOfRole(template, roleOfFunction(template, functionName('dev', 'orders', 'health'))).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('ssm:')),
    );

    expect(ssm.flatMap(actionsOf)).toEqual(['ssm:GetParameter']);
    expect(JSON.stringify(ssm.flatMap(resourcesOfStatement))).toContain(':parameter/shoplane/dev/platform/jwt-public-keys');
  });

  it('allows GetSecretValue on the signing key to the signing function, nothing wider', () => {
    const statements = statementsOfRole(template, roleOfFunction(template, functionName('dev', 'orders', 'find-order')));
    const secrets = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('secretsmanager:')));

    expect(secrets.flatMap(actionsOf)).toEqual(['secretsmanager:GetSecretValue']);
    expect(secrets.flatMap(resourcesOfStatement)).toEqual([{ Ref: expect.stringMatching(/signingkeysecretarn/) }]);
    expect(statements.flatMap(actionsOf)).not.toContain('ssm:GetParameter');
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
    expect(unacknowledgedNagFindings(stack)).toEqual([]);
  });
});

describe('ServiceStack outside dev', () => {
  it('turns deletion protection on and retains the table', () => {
    const template = Template.fromStack(exampleStack({ stage: 'prod' }));

    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
  });

  it('reads the stage from the app context', () => {
    const stack = exampleStack({ context: { stage: 'staging' } });

    expect(stack.stackName).toBe('shoplane-staging-orders');
  });
});

describe('ServiceStack settings', () => {
  it('applies per-handler memory on top of the defaults', () => {
    const template = Template.fromStack(exampleStack({ functionOverrides: { 'create-order': { memorySize: 1024 } } }));

    template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'shoplane-dev-orders-create-order', MemorySize: 1024 });
    template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'shoplane-dev-orders-find-order', MemorySize: 512 });
  });

  it('declares every handler of the manifest', () => {
    expect([...exampleStack().functions.keys()].sort()).toEqual(
      ['create-order', 'find-order', 'get-order', 'health', 'on-payment', 'project-changes', 'sweep-orders'].sort(),
    );
  });
});
