import { actionsOf, synthesizeServiceForTest, tableWriteActions, type SynthesizedService } from '@shoplane/cdk-kit';
import type { Template } from 'aws-cdk-lib/assertions';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { service } from './service.js';
import { createCartsStack } from './stack.js';

describe('carts stack, for orders', () => {
  let template: Template;
  let tableStatementsOf: SynthesizedService['tableStatementsOf'];
  let logicalIdOfFunction: SynthesizedService['logicalIdOfFunction'];

  beforeAll(() => {
    ({ template, tableStatementsOf, logicalIdOfFunction } = synthesizeServiceForTest(service, createCartsStack));
  });

  it('publishes getCartLines under /shoplane/dev/carts/getCartLines, read-only', () => {
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/shoplane/dev/carts/getCartLines', Value: { Ref: logicalIdOfFunction('get-cart-lines') } });
    const actions = tableStatementsOf('get-cart-lines').flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query']));
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it('routes OrderConfirmed from the platform bus into a queue with a dead-letter queue, drained by on-order-confirmed', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'detail-type': ['OrderConfirmed'] },
      Targets: [Match.objectLike({ DeadLetterConfig: Match.objectLike({ Arn: Match.anyValue() }) })],
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOfFunction('on-order-confirmed') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(tableStatementsOf('on-order-confirmed').flatMap(actionsOf)).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']));
  });

  it('expires settled-order markers by TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } });
  });
});
