import { tableWriteActions } from '@shoplane/cdk-kit';
import { serviceStackSuite } from '@shoplane/cdk-kit/stack-suite';
import { handlerNames } from '@shoplane/manifest';
import { Match } from 'aws-cdk-lib/assertions';
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

describe('inventory stack: the analytics message', () => {
  const sendersOf = () => handlerNames(service).filter((handler) => synthesized().permittedActionsOf(handler).includes('sqs:SendMessage'));
  const sendingStatements = () => synthesized().statementsOf('publish-events').filter((statement) => JSON.stringify(statement.Action).includes('sqs:SendMessage'));

  it('lets only the stream publisher send to a queue', () => {
    expect(sendersOf()).toEqual(['publish-events']);
  });

  it('lets the stream publisher send to analytics\' ingest queue, found through its SSM parameter, and otherwise only to its own failure queue', () => {
    const resources = sendingStatements().map((statement) => JSON.stringify(statement.Resource));

    expect(resources).toHaveLength(2);
    expect(resources.filter((resource) => resource.includes('SsmParameterValue'))).toEqual([expect.stringMatching(/^\{"Ref":"SsmParameterValue[^"]*analyticsingestqueuearn/)]);
    expect(resources.filter((resource) => !resource.includes('SsmParameterValue'))).toEqual([expect.stringMatching(/^\{"Fn::GetAtt":\["TableStreamFailures/)]);
    expect(sendingStatements().find((statement) => JSON.stringify(statement.Resource).includes('analyticsingestqueuearn'))?.Action).toEqual('sqs:SendMessage');
  });

  it('tells the stream publisher the queue URL from /shoplane/<stage>/analytics/ingest-queue-url', () => {
    synthesized().template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'shoplane-dev-inventory-publish-events',
      Environment: { Variables: Match.objectLike({ ANALYTICS_INGEST_QUEUE_URL: { Ref: Match.stringLikeRegexp('SsmParameterValue.*analyticsingestqueueurl') } }) },
    });
  });
});
