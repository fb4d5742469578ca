import { tableWriteActions } from '@shoplane/cdk-kit';
import { serviceStackSuite } from '@shoplane/cdk-kit/stack-suite';
import { functionName, handlerNames } from '@shoplane/manifest';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { service } from './service.js';
import { createOrdersStack } from './stack.js';

const synthesized = serviceStackSuite(service, createOrdersStack);

describe('orders stack', () => {
  it('lets only create-order invoke other services: products\' getProductsByIds and carts\' getCartLines, by the names they publish', () => {
    const { permittedActionsOf, template } = synthesized();

    const invokers = handlerNames(service).filter((handler) => permittedActionsOf(handler).includes('lambda:InvokeFunction'));

    expect(invokers).toEqual(['create-order']);
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

  it('lets only the outbox publisher put events on the bus: orders and the saga steps write theirs through the outbox', () => {
    const { permittedActionsOf } = synthesized();

    const publishers = handlerNames(service).filter((handler) => permittedActionsOf(handler).includes('events:PutEvents'));

    expect(publishers).toEqual(['publish-events']);
  });

  it.each(['list-orders', 'get-order', 'validate-order'])('grants %s read-only table actions', (handler) => {
    const actions = synthesized().tableActionsOf(handler);

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it.each(['create-order', 'cancel-order', 'begin-payment', 'confirm-order', 'fail-order'])('grants %s the writes its transactions need', (handler) => {
    expect(synthesized().tableActionsOf(handler)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
  });

  it('lets no function read a secret', () => {
    for (const handler of handlerNames(service)) expect(synthesized().permittedActionsOf(handler)).not.toContain('secretsmanager:GetSecretValue');
  });
});
