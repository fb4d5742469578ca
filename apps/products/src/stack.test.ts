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
import { createProductsStack } from './stack.js';


describe('products stack', () => {
  let stack: ServiceStack;
  let template: Template;
  let tableLogicalId: string;
  let tableStatementsOf: SynthesizedService['tableStatementsOf'];
  let logicalIdOfFunction: SynthesizedService['logicalIdOfFunction'];

  beforeAll(() => {
    ({ stack, template, tableLogicalId, tableStatementsOf, logicalIdOfFunction } = synthesizeServiceForTest(service, createProductsStack));
  });

  it('is the stack shoplane-dev-products', () => {
    expect(stack.stackName).toBe('shoplane-dev-products');
  });

  it('owns one table keyed PK/SK, streaming its outbox, expiring rows by TTL', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'shoplane-dev-products',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it.each([
    ['byCategoryPrice', 'GSI1PK', 'GSI1SK'],
    ['activeByCreation', 'GSI2PK', 'GSI2SK'],
    ['activeByPrice', 'GSI3PK', 'GSI3SK'],
  ])('has the listing index %s on %s/%s', (indexName, partitionKey, sortKey) => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({
          IndexName: indexName,
          KeySchema: [
            { AttributeName: partitionKey, KeyType: 'HASH' },
            { AttributeName: sortKey, KeyType: 'RANGE' },
          ],
        }),
      ]),
    });
  });

  it.each(['POST /products', 'GET /products', 'GET /products/{productId}', 'PATCH /products/{productId}', 'DELETE /products/{productId}'])(
    'routes %s',
    (key) => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
    },
  );

  it('adds exactly the manifest routes to the shared HTTP API', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', service.routes.length);
    for (const route of service.routes) template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey(route.operation) });
  });

  it('gives every handler its own function', () => {
    for (const handler of handlerNames(service)) {
      template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: functionName('dev', 'products', handler), Handler: `${handler}.handler` });
    }
  });

  it('lets the functions reach no table but the products table, and never a wildcard table', () => {
    for (const handler of handlerNames(service)) {
      const role = roleOfFunction(template, functionName('dev', 'products', handler));
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

  it.each(['list-products', 'get-product', 'get-products-by-ids'])('grants %s read-only table actions', (handler) => {
    const actions = tableStatementsOf(handler).flatMap(actionsOf);

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']));
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it.each(['create-product', 'update-product', 'archive-product', 'on-inventory-updated'])('grants %s the writes it needs', (handler) => {
    expect(tableStatementsOf(handler).flatMap(actionsOf)).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
  });

  it('lets the outbox publisher read the stream but no table item', () => {
    const actions = tableStatementsOf('publish-events').flatMap(actionsOf);

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords']));
    expect(actions).not.toContain('dynamodb:GetItem');
  });

  it('routes InventoryUpdated from the platform bus into a queue with a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'detail-type': ['InventoryUpdated'] },
      Targets: [Match.objectLike({ DeadLetterConfig: Match.objectLike({ Arn: Match.anyValue() }) })],
    });
    template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.objectLike({ deadLetterTargetArn: Match.anyValue() }) });
  });

  it('drains the InventoryUpdated queue with on-inventory-updated, reporting partial batch failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOfFunction('on-inventory-updated') },
      EventSourceArn: Match.objectLike({ 'Fn::GetAtt': Match.arrayWith(['Arn']) }),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('publishes getProductsByIds under /shoplane/dev/products/getProductsByIds for carts and orders', () => {
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/shoplane/dev/products/getProductsByIds',
      Value: { Ref: logicalIdOfFunction('get-products-by-ids') },
    });
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
    expect(unacknowledgedNagFindings(stack)).toEqual([]);
  });
});
