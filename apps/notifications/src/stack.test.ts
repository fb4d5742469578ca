import {
  actionsOf,
  createStubBundles,
  resourcesOfStatement,
  roleOfFunction,
  statementsOfRole,
  synthesizeServiceForTest,
  tableWriteActions,
  unacknowledgedNagFindings,
  type PolicyStatementJson,
  type ServiceStack,
  type SynthesizedService,
} from '@shoplane/cdk-kit';
import { functionName, handlerNames } from '@shoplane/manifest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendingHandlers, service } from './service.js';
import { createNotificationsStack } from './stack.js';

type Statement = PolicyStatementJson & { NotResource?: unknown };

describe('notifications stack', () => {
  let stack: ServiceStack;
  let template: Template;
  let tableLogicalId: string;
  let tableStatementsOf: SynthesizedService['tableStatementsOf'];
  let logicalIdOfFunction: SynthesizedService['logicalIdOfFunction'];

  const statementsOf = (handler: string): Statement[] => statementsOfRole(template, roleOfFunction(template, functionName('dev', 'notifications', handler)));
  const statementsWith = (handler: string, action: string) => statementsOf(handler).filter((statement) => actionsOf(statement).includes(action));

  beforeAll(() => {
    ({ stack, template, tableLogicalId, tableStatementsOf, logicalIdOfFunction } = synthesizeServiceForTest(service, (app, options) =>
      createNotificationsStack(app, { ...options, messaging: { senderAddress: 'Shoplane <orders@shop.example.org>' } }),
    ));
  });

  it('is the stack shoplane-dev-notifications', () => {
    expect(stack.stackName).toBe('shoplane-dev-notifications');
  });

  it('owns exactly one table, keyed PK/SK, with the byUser index for listings', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'shoplane-dev-notifications',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'byUser',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
        }),
      ],
    });
  });

  it('routes GET /notifications to list-notifications, which may only read the table', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /notifications' });
    const actions = tableStatementsOf('list-notifications').flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query']));
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it('lets the functions reach no table but the notifications table', () => {
    for (const handler of handlerNames(service)) {
      for (const statement of tableStatementsOf(handler)) {
        for (const resource of resourcesOfStatement(statement)) expect(JSON.stringify(resource)).toContain(`"Fn::GetAtt":["${tableLogicalId}",`);
      }
    }
  });

  it.each([
    [['UserRegistered'], 'on-user-registered'],
    [['OrderConfirmed', 'OrderFailed'], 'on-order-outcome'],
  ])('routes %j from the platform bus into its own queue with a dead-letter queue, drained by %s', (eventTypes, handler) => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'detail-type': eventTypes },
      Targets: [Match.objectLike({ DeadLetterConfig: Match.objectLike({ Arn: Match.anyValue() }) })],
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOfFunction(handler) },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('gives each subscription queue a dead-letter queue after five receives, kept for 14 days', () => {
    const queues = Object.values(template.findResources('AWS::SQS::Queue')) as { Properties: Record<string, unknown> }[];
    const inboxes = queues.filter((queue) => queue.Properties['RedrivePolicy']);
    expect(inboxes).toHaveLength(2);
    for (const inbox of inboxes) expect(inbox.Properties['RedrivePolicy']).toMatchObject({ maxReceiveCount: 5 });
    expect(queues.filter((queue) => queue.Properties['MessageRetentionPeriod'] === 14 * 24 * 3600)).toHaveLength(2);
  });

  it('publishes sendNotification under /shoplane/dev/notifications/sendNotification for the checkout saga', () => {
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/shoplane/dev/notifications/sendNotification',
      Value: { Ref: logicalIdOfFunction('send-notification') },
    });
  });

  it.each(sendingHandlers)('lets %s send e-mail as the sender\'s SES identity only', (handler) => {
    const [statement, ...others] = statementsWith(handler, 'ses:SendEmail');

    expect(others).toEqual([]);
    expect(actionsOf(statement ?? { Effect: '', Action: [], Resource: [] })).toEqual(['ses:SendEmail']);
    const resources = JSON.stringify(resourcesOfStatement(statement ?? { Effect: '', Action: [], Resource: [] }));
    expect(resources).toContain(':identity/shop.example.org');
    expect(resources).not.toContain('*');
  });

  it.each(sendingHandlers)('lets %s publish SMS to phone numbers and never to a topic', (handler) => {
    const [statement, ...others] = statementsWith(handler, 'sns:Publish');

    expect(others).toEqual([]);
    expect(statement?.Resource).toBeUndefined();
    expect(JSON.stringify(statement?.NotResource)).toMatch(/:sns:\*:\*:\*/);
  });

  it.each(sendingHandlers)('tells %s the sender address', (handler) => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: functionName('dev', 'notifications', handler),
      Environment: { Variables: Match.objectLike({ NOTIFICATIONS_SENDER_ADDRESS: 'Shoplane <orders@shop.example.org>' }) },
    });
  });

  it('gives the listing function no way to send e-mail or SMS', () => {
    const actions = statementsOf('list-notifications').flatMap(actionsOf);

    expect(actions.filter((action) => action.startsWith('ses:') || action.startsWith('sns:'))).toEqual([]);
  });

  it('publishes no events and signs no tokens', () => {
    for (const handler of handlerNames(service)) {
      const actions = statementsOf(handler).flatMap(actionsOf);
      expect(actions).not.toContain('events:PutEvents');
      expect(actions).not.toContain('secretsmanager:GetSecretValue');
    }
  });

  it('takes the sender, SES identity and configuration set from the deployment context', () => {
    const app = new App({ context: { senderAddress: 'orders@mail.example.org', sesIdentity: 'example.org', sesConfigurationSet: 'shop' } });
    const configured = Template.fromStack(createNotificationsStack(app, { assetsRoot: createStubBundles('notifications', handlerNames(service)) }));

    const role = roleOfFunction(configured, functionName('dev', 'notifications', 'on-order-outcome'));
    const ses = JSON.stringify(statementsOfRole(configured, role).filter((statement) => actionsOf(statement).includes('ses:SendEmail')));
    expect(ses).toContain(':identity/example.org');
    expect(ses).toContain(':configuration-set/shop');
    configured.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: functionName('dev', 'notifications', 'on-order-outcome'),
      Environment: { Variables: Match.objectLike({ NOTIFICATIONS_SENDER_ADDRESS: 'orders@mail.example.org', NOTIFICATIONS_SES_CONFIGURATION_SET: 'shop' }) },
    });
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
    expect(unacknowledgedNagFindings(stack)).toEqual([]);
  });
});
