import { functionName, serviceQueues } from '@shoplane/manifest';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { alarmMismatches } from './alarm-check.js';
import { ledgerService, queueServiceStack } from './fixtures/queue-services.js';
import { functionsWithoutRetainedLogs } from './log-check.js';
import { acknowledgeNagFinding, unusedNagAcknowledgements } from './nag.js';

const watchedLedger = (functionNames = [functionName('dev', 'ledger', 'take-entries')]) => ({ stage: 'dev', unit: 'ledger', functionNames, queues: serviceQueues(ledgerService) });

describe('alarmMismatches', () => {
  it('finds nothing missing in a stack built from its manifest', () => {
    expect(alarmMismatches(Template.fromStack(queueServiceStack(ledgerService)), watchedLedger())).toEqual([]);
  });

  it('reports a function that has no errors or throttles alarm', () => {
    const template = Template.fromStack(queueServiceStack(ledgerService));

    expect(alarmMismatches(template, watchedLedger([functionName('dev', 'ledger', 'ghost')]))).toEqual([
      'function shoplane-dev-ledger-ghost has no Errors alarm',
      'function shoplane-dev-ledger-ghost has no Throttles alarm',
    ]);
  });

  it('reports a queue the stack adds beyond its manifest, which nothing watches', () => {
    const stack = queueServiceStack(ledgerService);
    new Queue(stack, 'Extra', { enforceSSL: true });

    expect(alarmMismatches(Template.fromStack(stack), watchedLedger())).toEqual([expect.stringMatching(/^queue Extra[0-9A-F]{8} \(undefined\) is none the manifest implies/)]);
  });
});

describe('unusedNagAcknowledgements', () => {
  it('reports an acknowledgement that matches no finding', () => {
    const stack = queueServiceStack(ledgerService);
    // Point-in-time recovery is on, so there is no AwsSolutions-DDB3 finding to acknowledge.
    acknowledgeNagFinding(stack.table, 'AwsSolutions-DDB3', 'nothing to hide');

    expect(unusedNagAcknowledgements(stack)).toEqual(['shoplane-dev-ledger/Table: AwsSolutions-DDB3']);
  });

  it('keeps an acknowledgement that hides a finding below it', () => {
    const stack = queueServiceStack(ledgerService);
    const queue = new Queue(stack, 'WithoutDeadLetters', { enforceSSL: true });
    acknowledgeNagFinding(queue, 'AwsSolutions-SQS3', 'a test queue without a dead-letter queue');

    expect(unusedNagAcknowledgements(stack)).toEqual([]);
  });
});

describe('functionsWithoutRetainedLogs', () => {
  it('reports a function that logs into no log group of the stack with a retention', () => {
    const stack = queueServiceStack(ledgerService);
    new LambdaFunction(stack, 'Bare', { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('export const handler = async () => ({})') });

    expect(functionsWithoutRetainedLogs(Template.fromStack(stack))).toEqual([expect.stringMatching(/^Bare[0-9A-F]{8}$/)]);
  });
});
