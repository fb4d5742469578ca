import { tableWriteActions } from '@shoplane/cdk-kit';
import { serviceStackSuite } from '@shoplane/cdk-kit/stack-suite';
import { handlerNames } from '@shoplane/manifest';
import { describe, expect, it } from 'vitest';
import { service } from './service.js';
import { createCartsStack } from './stack.js';

const synthesized = serviceStackSuite(service, createCartsStack);
/** The handlers whose answer is the cart priced now (domain/carts.ts: viewCart, or a product check first). */
const pricingHandlers = ['get-cart', 'add-cart-item', 'set-cart-item', 'remove-cart-item'];

describe('carts stack', () => {
  it('lets only the functions that price products invoke products’ getProductsByIds', () => {
    const { permittedActionsOf } = synthesized();

    const invokers = handlerNames(service).filter((handler) => permittedActionsOf(handler).includes('lambda:InvokeFunction'));

    expect(invokers).toEqual(pricingHandlers);
  });

  it.each(pricingHandlers)('lets %s invoke exactly the function products publishes as getProductsByIds', (handler) => {
    const invokes = synthesized()
      .statementsOf(handler)
      .filter((statement) => JSON.stringify(statement.Action).includes('lambda:'));

    expect(invokes.map((statement) => statement.Action)).toEqual(['lambda:InvokeFunction']);
    expect(JSON.stringify(invokes.map((statement) => statement.Resource))).toMatch(/:function:",\{"Ref":"SsmParameterValue[^"]*productsgetProductsByIds/);
  });

  it('grants get-cart read-only table actions', () => {
    const actions = synthesized().tableActionsOf('get-cart');

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query']));
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it.each(['add-cart-item', 'set-cart-item', 'remove-cart-item', 'clear-cart'])('grants %s the writes its transactions need', (handler) => {
    expect(synthesized().tableActionsOf(handler)).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem']),
    );
  });

  it('publishes no events and signs no tokens', () => {
    for (const handler of handlerNames(service)) {
      const actions = synthesized().permittedActionsOf(handler);
      expect(actions).not.toContain('events:PutEvents');
      expect(actions).not.toContain('secretsmanager:GetSecretValue');
    }
  });
});
