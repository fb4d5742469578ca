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
import { createCartsStack } from './stack.js';

const writingHandlers = ['add-cart-item', 'set-cart-item', 'remove-cart-item', 'clear-cart'];

describe('carts stack', () => {
  let stack: ServiceStack;
  let template: Template;
  let tableLogicalId: string;
  let tableStatementsOf: SynthesizedService['tableStatementsOf'];

  const statementsOf = (handler: string) => statementsOfRole(template, roleOfFunction(template, functionName('dev', 'carts', handler)));

  beforeAll(() => {
    ({ stack, template, tableLogicalId, tableStatementsOf } = synthesizeServiceForTest(service, createCartsStack));
  });

  it('is the stack shoplane-dev-carts', () => {
    expect(stack.stackName).toBe('shoplane-dev-carts');
  });

  it('owns exactly one table, keyed PK/SK, with point-in-time recovery and no stream', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'shoplane-dev-carts',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      StreamSpecification: Match.absent(),
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  it('adds one route per manifest operation to the shared HTTP API', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', service.routes.length);
    for (const route of service.routes) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey(route.operation) });
    }
  });

  it.each(['GET /cart', 'POST /cart/items', 'PUT /cart/items/{productId}', 'DELETE /cart/items/{productId}', 'DELETE /cart'])('routes %s', (key) => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
  });

  it('gives every handler its own function', () => {
    for (const handler of handlerNames(service)) {
      template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: functionName('dev', 'carts', handler), Handler: `${handler}.handler` });
    }
  });

  it('lets the functions reach no table but the carts table, and never a wildcard table', () => {
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

  it('grants get-cart read-only table actions', () => {
    const actions = tableStatementsOf('get-cart').flatMap(actionsOf);

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query']));
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it.each(writingHandlers)('grants %s the writes its transactions need', (handler) => {
    expect(tableStatementsOf(handler).flatMap(actionsOf)).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem']));
  });

  it.each(handlerNames(service))('lets %s invoke products\' getProductsByIds and no other function', (handler) => {
    const invokes = statementsOf(handler).filter((statement) => actionsOf(statement).some((action) => action.startsWith('lambda:')));

    expect(invokes.flatMap(actionsOf)).toEqual(['lambda:InvokeFunction']);
    const resources = JSON.stringify(invokes.flatMap(resourcesOfStatement));
    expect(resources).toContain(':function:');
    expect(resources).toMatch(/SsmParameterValue.*productsgetProductsByIds/);
    expect(resources).not.toContain('*');
  });

  it('passes each function the invoked function\'s name from products\' SSM parameter', () => {
    for (const handler of handlerNames(service)) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: functionName('dev', 'carts', handler),
        Environment: { Variables: Match.objectLike({ INVOKE_PRODUCTS_GETPRODUCTSBYIDS: { Ref: Match.stringLikeRegexp('SsmParameterValue.*productsgetProductsByIds') } }) },
      });
    }
  });

  it('publishes no events and signs no tokens', () => {
    for (const handler of handlerNames(service)) {
      const actions = statementsOf(handler).flatMap(actionsOf);
      expect(actions).not.toContain('events:PutEvents');
      expect(actions).not.toContain('secretsmanager:GetSecretValue');
    }
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
    expect(unacknowledgedNagFindings(stack)).toEqual([]);
  });
});
