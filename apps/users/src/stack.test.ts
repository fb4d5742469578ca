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
import { createUsersStack } from './stack.js';


describe('users stack', () => {
  let stack: ServiceStack;
  let template: Template;
  let tableLogicalId: string;
  let tableStatementsOf: SynthesizedService['tableStatementsOf'];

  beforeAll(() => {
    ({ stack, template, tableLogicalId, tableStatementsOf } = synthesizeServiceForTest(service, createUsersStack));
  });

  it('is the stack shoplane-dev-users', () => {
    expect(stack.stackName).toBe('shoplane-dev-users');
  });

  it('owns exactly one table, keyed PK/SK, with point-in-time recovery', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'shoplane-dev-users',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  it('adds one route per manifest operation to the shared HTTP API', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', service.routes.length);
    for (const route of service.routes) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey(route.operation) });
    }
  });

  it.each(['POST /users/register', 'POST /users/login', 'GET /users/me'])('routes %s', (key) => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
  });

  it('gives every handler its own function', () => {
    for (const handler of handlerNames(service)) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: functionName('dev', 'users', handler),
        Handler: `${handler}.handler`,
      });
    }
  });

  it('lets the functions reach no table but the users table, and never a wildcard table', () => {
    for (const handler of handlerNames(service)) {
      const role = roleOfFunction(template, functionName('dev', 'users', handler));
      for (const statement of statementsOfRole(template, role)) {
        const resources = resourcesOfStatement(statement);
        const touchesDynamo = actionsOf(statement).some((action) => action.startsWith('dynamodb:'));
        for (const resource of resources) {
          expect(JSON.stringify(resource)).not.toMatch(/:dynamodb:|:table\//);
          if (touchesDynamo) {
            expect(resource).not.toBe('*');
            expect(JSON.stringify(resource)).toContain(`"Fn::GetAtt":["${tableLogicalId}",`);
          }
        }
      }
    }
  });

  it.each(['login', 'get-me'])('grants %s read-only table actions', (handler) => {
    const actions = tableStatementsOf(handler).flatMap(actionsOf);

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it('grants register the writes it needs to create an account', () => {
    expect(tableStatementsOf('register').flatMap(actionsOf)).toEqual(expect.arrayContaining(['dynamodb:PutItem']));
  });

  it('lets the outbox publisher read the stream but no table item', () => {
    const actions = tableStatementsOf('publish-events').flatMap(actionsOf);

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords']));
    expect(actions).not.toContain('dynamodb:GetItem');
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
    expect(unacknowledgedNagFindings(stack)).toEqual([]);
  });
});
