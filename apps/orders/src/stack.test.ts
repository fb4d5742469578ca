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
import { routeKey } from '@shoplane/contracts';
import { functionName, handlerNames } from '@shoplane/manifest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { service } from './service.js';
import { createOrdersStack } from './stack.js';

const internalOperations = [
  ['validateOrder', 'validate-order'],
  ['beginPayment', 'begin-payment'],
  ['confirmOrder', 'confirm-order'],
  ['failOrder', 'fail-order'],
];

describe('orders stack', () => {
  let stack: ServiceStack;
  let template: Template;
  let tableLogicalId: string;
  let tableStatementsOf: SynthesizedService['tableStatementsOf'];
  let logicalIdOfFunction: SynthesizedService['logicalIdOfFunction'];

  const statementsOf = (handler: string) => statementsOfRole(template, roleOfFunction(template, functionName('dev', 'orders', handler)));

  beforeAll(() => {
    ({ stack, template, tableLogicalId, tableStatementsOf, logicalIdOfFunction } = synthesizeServiceForTest(service, createOrdersStack));
  });

  it('is the stack shoplane-dev-orders', () => {
    expect(stack.stackName).toBe('shoplane-dev-orders');
  });

  it('owns one table keyed PK/SK, streaming its outbox, expiring rows by TTL, with point-in-time recovery', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'shoplane-dev-orders',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  it('has the byUser index on GSI1PK/GSI1SK for each customer\'s orders', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
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

  it('adds exactly the manifest routes to the shared HTTP API', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', service.routes.length);
    for (const route of service.routes) template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey(route.operation) });
  });

  it.each(['POST /orders', 'GET /orders', 'GET /orders/{orderId}', 'POST /orders/{orderId}/cancel'])('routes %s', (key) => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
  });

  it('gives every handler its own function', () => {
    for (const handler of handlerNames(service)) {
      template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: functionName('dev', 'orders', handler), Handler: `${handler}.handler` });
    }
  });

  it('lets the functions reach no table but the orders table, and never a wildcard table', () => {
    for (const handler of handlerNames(service)) {
      for (const statement of statementsOf(handler)) {
        const touchesDynamo = actionsOf(statement).some((action) => action.startsWith('dynamodb:'));
        for (const resource of resourcesOfStatement(statement)) {
          expect(JSON.stringify(resource)).not.toMatch(/:dynamodb:|:table\//);
          if (touchesDynamo) expect(JSON.stringify(resource)).toContain(`"Fn::GetAtt":["${tableLogicalId}",`);
        }
      }
    }
  });

  it.each(['list-orders', 'get-order', 'validate-order'])('grants %s read-only table actions', (handler) => {
    const actions = tableStatementsOf(handler).flatMap(actionsOf);

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it.each(['create-order', 'cancel-order', 'begin-payment', 'confirm-order', 'fail-order'])('grants %s the writes its transactions need', (handler) => {
    expect(tableStatementsOf(handler).flatMap(actionsOf)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
  });

  it('lets the outbox publisher read the stream but no table item, and publish to the bus', () => {
    const actions = tableStatementsOf('publish-events').flatMap(actionsOf);

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords']));
    expect(actions).not.toContain('dynamodb:GetItem');
    expect(statementsOf('publish-events').flatMap(actionsOf)).toContain('events:PutEvents');
  });

  it.each(internalOperations)('publishes %s under /shoplane/dev/orders/ for checkout', (name, handler) => {
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: `/shoplane/dev/orders/${name}`, Value: { Ref: logicalIdOfFunction(handler) } });
  });

  it('lets create-order invoke exactly products\' getProductsByIds and carts\' getCartLines', () => {
    const invokes = statementsOf('create-order').filter((statement) => actionsOf(statement).some((action) => action.startsWith('lambda:')));

    expect(invokes.flatMap(actionsOf)).toEqual(['lambda:InvokeFunction', 'lambda:InvokeFunction']);
    const resources = JSON.stringify(invokes.flatMap(resourcesOfStatement));
    expect(resources).toMatch(/SsmParameterValue.*productsgetProductsByIds/);
    expect(resources).toMatch(/SsmParameterValue.*cartsgetCartLines/);
    expect(resources).not.toContain('*');
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: functionName('dev', 'orders', 'create-order'),
      Environment: {
        Variables: Match.objectLike({
          INVOKE_PRODUCTS_GETPRODUCTSBYIDS: { Ref: Match.stringLikeRegexp('SsmParameterValue.*productsgetProductsByIds') },
          INVOKE_CARTS_GETCARTLINES: { Ref: Match.stringLikeRegexp('SsmParameterValue.*cartsgetCartLines') },
        }),
      },
    });
  });

  it('subscribes to no events and signs no tokens', () => {
    template.resourceCountIs('AWS::Events::Rule', 0);
    for (const handler of handlerNames(service)) expect(statementsOf(handler).flatMap(actionsOf)).not.toContain('secretsmanager:GetSecretValue');
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
    expect(unacknowledgedNagFindings(stack)).toEqual([]);
  });
});
