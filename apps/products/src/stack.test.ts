import { tableWriteActions } from '@shoplane/cdk-kit';
import { serviceStackSuite } from '@shoplane/cdk-kit/stack-suite';
import { handlerNames } from '@shoplane/manifest';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { service } from './service.js';
import { createProductsStack } from './stack.js';

const synthesized = serviceStackSuite(service, createProductsStack);
const readers = ['list-products', 'get-product', 'get-products-by-ids'];

describe('products stack', () => {
  it.each([
    ['byCategoryPrice', 'GSI1PK', 'GSI1SK'],
    ['activeByCreation', 'GSI2PK', 'GSI2SK'],
    ['activeByPrice', 'GSI3PK', 'GSI3SK'],
  ])('has the listing index %s on %s/%s', (indexName, partitionKey, sortKey) => {
    synthesized().template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
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

  it.each(readers)('grants %s read-only table actions, the batch read included', (handler) => {
    const actions = synthesized().tableActionsOf(handler);

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']));
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it('lets only the outbox publisher put events on the bus: the catalogue writes its events through the outbox', () => {
    const { permittedActionsOf } = synthesized();

    const publishers = handlerNames(service).filter((handler) => permittedActionsOf(handler).includes('events:PutEvents'));

    expect(publishers).toEqual(['publish-events']);
  });

  it.each(readers)('lets %s, which answers anyone, verify no token and read no parameter', (handler) => {
    expect(synthesized().permittedActionsOf(handler).filter((action) => action.startsWith('ssm:'))).toEqual([]);
  });

  it('lets the outbox publisher read the stream but no table item', () => {
    const actions = synthesized().tableActionsOf('publish-events');

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords']));
    expect(actions).not.toContain('dynamodb:GetItem');
  });
});
