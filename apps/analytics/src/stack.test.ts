import { analyticsIngestQueue } from '@shoplane/contracts';
import { actionsOf, resourcesOfStatement, tableWriteActions } from '@shoplane/cdk-kit';
import { serviceStackSuite } from '@shoplane/cdk-kit/stack-suite';
import { handlerNames } from '@shoplane/manifest';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ingestedEventTypes } from './domain/event-log.js';
import { service } from './service.js';
import { createAnalyticsStack } from './stack.js';

const synthesized = serviceStackSuite(service, createAnalyticsStack);

/** The ingest queue's logical id, from the URL parameter the stack publishes for senders. */
function ingestQueueId(): string {
  const [parameter] = Object.values(synthesized().template.findResources('AWS::SSM::Parameter', { Properties: { Name: '/shoplane/dev/analytics/ingest-queue-url' } }));
  return (parameter?.Properties as { Value?: { Ref?: string } } | undefined)?.Value?.Ref ?? '';
}

describe('analytics stack', () => {
  it('owns the queue the contracts name, analytics.ingest', () => {
    expect(service.name).toBe(analyticsIngestQueue.service);
    expect(service.queues?.map((queue) => queue.name)).toEqual([analyticsIngestQueue.name]);
  });

  it('routes every event analytics takes from the platform bus into its ingest queue, with a dead-letter queue for what EventBridge cannot deliver', () => {
    const { template } = synthesized();

    template.resourceCountIs('AWS::Events::Rule', 1);
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'detail-type': [...ingestedEventTypes] },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [ingestQueueId(), 'Arn'] }, DeadLetterConfig: Match.objectLike({ Arn: Match.anyValue() }) })],
    });
  });

  it('keeps a message the consumer failed five times in the queue\'s dead-letter queue for 14 days', () => {
    const resources = synthesized().template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>;
    const redrive = resources[ingestQueueId()]?.Properties['RedrivePolicy'] as { deadLetterTargetArn: { 'Fn::GetAtt': [string, string] }; maxReceiveCount: number };

    expect(redrive.maxReceiveCount).toBe(5);
    expect(resources[redrive.deadLetterTargetArn['Fn::GetAtt'][0]]?.Properties).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
  });

  it('drains the queue with ingest, ten messages a batch, reporting partial batch failures', () => {
    synthesized().template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [ingestQueueId(), 'Arn'] },
      FunctionName: { Ref: synthesized().logicalIdOfFunction('ingest') },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    synthesized().template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
  });

  it('publishes the queue\'s URL and ARN for the services that send to it', () => {
    synthesized().template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/shoplane/dev/analytics/ingest-queue-arn', Value: { 'Fn::GetAtt': [ingestQueueId(), 'Arn'] } });
  });

  it('lets ingest consume its own queue only, and send to none', () => {
    const sqs = synthesized().statementsOf('ingest').filter((statement) => actionsOf(statement).some((action) => action.startsWith('sqs:')));

    expect(sqs.flatMap(actionsOf)).not.toContain('sqs:SendMessage');
    expect(sqs.flatMap(resourcesOfStatement)).toEqual(sqs.map(() => ({ 'Fn::GetAtt': [ingestQueueId(), 'Arn'] })));
  });

  it('lets ingest write its own table, and the two reports only read it', () => {
    expect(synthesized().tableActionsOf('ingest')).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:GetItem']));
    for (const handler of ['list-events', 'get-summary']) {
      const actions = synthesized().tableActionsOf(handler);
      expect(actions).toContain('dynamodb:Query');
      expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
    }
  });

  it('publishes no events, signs no tokens, and invokes nothing', () => {
    for (const handler of handlerNames(service)) {
      const actions = synthesized().permittedActionsOf(handler);
      expect(actions).not.toContain('events:PutEvents');
      expect(actions).not.toContain('secretsmanager:GetSecretValue');
      expect(actions).not.toContain('lambda:InvokeFunction');
    }
  });
});
