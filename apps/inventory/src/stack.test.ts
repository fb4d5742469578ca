import {
  actionsOf,
  resourcesOfStatement,
  roleOfFunction,
  statementsOfRole,
  unacknowledgedNagFindings,
  synthesizeServiceForTest,
  tableWriteActions,
  type ServiceStack,
  type SynthesizedService,
} from '@shoplane/cdk-kit';
import { functionName, handlerNames } from '@shoplane/manifest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { service } from './service.js';
import { createInventoryStack } from './stack.js';


describe('inventory stack', () => {
  let stack: ServiceStack;
  let template: Template;
  let tableLogicalId: string;
  let tableActionsOf: SynthesizedService['tableActionsOf'];

  beforeAll(() => {
    ({ stack, template, tableLogicalId, tableActionsOf } = synthesizeServiceForTest(service, createInventoryStack));
  });

  it('is the stack shoplane-dev-inventory', () => {
    expect(stack.stackName).toBe('shoplane-dev-inventory');
  });

  it('owns exactly one table, keyed PK/SK, streaming new and old images, with TTL and point-in-time recovery', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'shoplane-dev-inventory',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  it.each(['GET /inventory/{productId}', 'POST /inventory/{productId}/restock'])('routes %s, and nothing else', (key) => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 2);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
  });

  it('routes ProductCreated from the platform bus into a queue with a dead-letter queue, drained by on-product-created', () => {
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { 'detail-type': ['ProductCreated'] } });
    template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }) });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: Match.anyValue(),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      EventSourceArn: Match.objectLike({ 'Fn::GetAtt': Match.arrayWith([Match.stringLikeRegexp('OnProductCreatedSubscription')]) }),
    });
  });

  it.each([
    ['reserveStock', 'ReserveStock'],
    ['commitReservation', 'CommitReservation'],
    ['releaseReservation', 'ReleaseReservation'],
  ])('publishes the internal operation %s in SSM with the name of its function', (name, functionConstruct) => {
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: `/shoplane/dev/inventory/${name}`,
      Value: { Ref: Match.stringLikeRegexp(`^${functionConstruct}`) },
    });
  });

  it('feeds the table stream to publish-events', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [tableLogicalId, 'StreamArn'] },
      FunctionName: Match.anyValue(),
      BisectBatchOnFunctionError: true,
    });
  });

  it('lets the functions reach no table but the inventory table, and never a wildcard table', () => {
    for (const handler of handlerNames(service)) {
      const role = roleOfFunction(template, functionName('dev', 'inventory', handler));
      for (const statement of statementsOfRole(template, role)) {
        const touchesDynamo = actionsOf(statement).some((action) => action.startsWith('dynamodb:'));
        for (const resource of resourcesOfStatement(statement)) {
          expect(JSON.stringify(resource)).not.toMatch(/:dynamodb:|:table\//);
          if (touchesDynamo) {
            expect(resource).not.toBe('*');
            expect(JSON.stringify(resource)).toContain(`"Fn::GetAtt":["${tableLogicalId}",`);
          }
        }
      }
    }
  });

  it('grants get-stock read-only table actions', () => {
    const actions = tableActionsOf('get-stock');

    expect(actions).toContain('dynamodb:GetItem');
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it.each(['restock', 'on-product-created', 'reserve-stock', 'commit-reservation', 'release-reservation'])('grants %s the writes it makes', (handler) => {
    expect(tableActionsOf(handler)).toEqual(expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:PutItem']));
  });

  it('lets publish-events read the stream but no table item', () => {
    const actions = tableActionsOf('publish-events');

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords']));
    expect(actions).not.toContain('dynamodb:GetItem');
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
    expect(unacknowledgedNagFindings(stack)).toEqual([]);
  });
});
