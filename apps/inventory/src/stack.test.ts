import { tableWriteActions } from '@shoplane/cdk-kit';
import { serviceStackSuite } from '@shoplane/cdk-kit/stack-suite';
import { handlerNames } from '@shoplane/manifest';
import { describe, expect, it } from 'vitest';
import { service } from './service.js';
import { createInventoryStack } from './stack.js';

const synthesized = serviceStackSuite(service, createInventoryStack);

describe('inventory stack', () => {
  it('grants get-stock read-only table actions', () => {
    const actions = synthesized().tableActionsOf('get-stock');

    expect(actions).toContain('dynamodb:GetItem');
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it.each(['restock', 'on-product-created', 'reserve-stock', 'commit-reservation', 'release-reservation'])('grants %s the writes it makes', (handler) => {
    expect(synthesized().tableActionsOf(handler)).toEqual(expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:PutItem']));
  });

  it('lets only the stream publisher put events on the bus: InventoryUpdated comes from the stock records’ stream', () => {
    const { permittedActionsOf } = synthesized();

    const publishers = handlerNames(service).filter((handler) => permittedActionsOf(handler).includes('events:PutEvents'));

    expect(publishers).toEqual(['publish-events']);
  });

  it('lets the internal operations, which only other services call, verify no token', () => {
    for (const handler of ['reserve-stock', 'commit-reservation', 'release-reservation']) {
      expect(synthesized().permittedActionsOf(handler)).not.toContain('ssm:GetParameter');
    }
  });

  it('lets publish-events read the stream but no table item', () => {
    const actions = synthesized().tableActionsOf('publish-events');

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords']));
    expect(actions).not.toContain('dynamodb:GetItem');
  });
});
