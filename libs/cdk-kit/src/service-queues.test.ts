import { functionName, handlerNames, type ServiceManifest } from '@shoplane/manifest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { describe, expect, it } from 'vitest';
import { handlersFolder } from './fixtures/handlers-folder.js';
import { ledgerService, queueServiceStack, shopService } from './fixtures/queue-services.js';
import { permissionMismatches } from './permission-check.js';
import type { ServiceStack } from './service-stack.js';
import { serviceStackSuite } from './stack-suite.js';
import { actionsOf, roleOfFunction, statementsOfRole } from './testing.js';

const folderOf = (manifest: ServiceManifest) => handlersFolder(handlerNames(manifest).map((handler) => `${handler}.ts`));
serviceStackSuite(ledgerService, (_app, options) => queueServiceStack(ledgerService, options), { handlersDirectory: folderOf(ledgerService) });
serviceStackSuite(shopService, (_app, options) => queueServiceStack(shopService, options), { handlersDirectory: folderOf(shopService) });

const ssmValue = (fragment: string) => ({ Ref: Match.stringLikeRegexp(`SsmParameterValue.*${fragment}`) });
const statementsOf = (template: Template, service: string, handler: string) => statementsOfRole(template, roleOfFunction(template, functionName('dev', service, handler)));

/** The shop stack, changed behind its manifest's back, as the permission check sees it. */
function mismatchesAfter(change: (stack: ServiceStack) => void): string[] {
  const stack = queueServiceStack(shopService);
  change(stack);
  const template = Template.fromStack(stack);
  return permissionMismatches({ stack, template, tableLogicalId: Object.keys(template.findResources('AWS::DynamoDB::GlobalTable'))[0] ?? '' });
}

describe('a queue other services send to', () => {
  const ledger = Template.fromStack(queueServiceStack(ledgerService));

  it('keeps its own encrypted, TLS-only inbox with a dead-letter queue after five receives', () => {
    ledger.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
    ledger.resourceCountIs('AWS::SQS::Queue', 2);
  });

  it('is fed by one rule for its event types, with the dead-letter queue for what EventBridge cannot deliver', () => {
    ledger.resourceCountIs('AWS::Events::Rule', 1);
    ledger.hasResourceProperties('AWS::Events::Rule', { EventPattern: { 'detail-type': ['OrderCreated', 'OrderConfirmed'] } });
  });

  it('has no rule when it declares no event types', () => {
    const quiet = Template.fromStack(queueServiceStack({ ...ledgerService, queues: [{ name: 'ingest', handler: 'take-entries' }] }));

    quiet.resourceCountIs('AWS::Events::Rule', 0);
    quiet.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
  });
});

describe('a function that sends to another service\'s queue', () => {
  const shop = Template.fromStack(queueServiceStack(shopService));

  it('learns the queue URL from the owner\'s SSM parameter', () => {
    shop.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: functionName('dev', 'shop', 'publish-changes'),
      Environment: { Variables: Match.objectLike({ LEDGER_INGEST_QUEUE_URL: ssmValue('ledgeringestqueueurl') }) },
    });
  });

  it('may sqs:SendMessage on exactly the queue ARN the owner publishes, and on nothing else but its stream\'s failure queue', () => {
    const sending = statementsOf(shop, 'shop', 'publish-changes').filter((statement) => actionsOf(statement).includes('sqs:SendMessage'));
    const resources = sending.map((statement) => JSON.stringify(statement.Resource));

    expect(resources).toHaveLength(2);
    expect(resources.filter((resource) => resource.includes('ledgeringestqueuearn'))).toEqual([expect.stringMatching(/^\{"Ref":"SsmParameterValue[^"]*ledgeringestqueuearn/)]);
    expect(resources.filter((resource) => !resource.includes('ledgeringestqueuearn'))).toEqual([expect.stringMatching(/^\{"Fn::GetAtt":\["TableStreamFailures/)]);
  });

  it('is the only one: a route that declares no sendsTo may not send', () => {
    expect(statementsOf(shop, 'shop', 'who-am-i').flatMap(actionsOf).filter((action) => action.startsWith('sqs:'))).toEqual([]);
  });
});

describe('permissionMismatches on queues', () => {
  const sendToLedger = (actions: string[]) => (stack: ServiceStack) => {
    const arn = StringParameter.valueForStringParameter(stack, '/shoplane/dev/ledger/ingest-queue-arn');
    stack.functionFor('who-am-i').addToRolePolicy(new PolicyStatement({ actions, resources: [arn] }));
  };

  it('reports sending to a queue the function did not declare', () => {
    expect(mismatchesAfter(sendToLedger(['sqs:SendMessage']))).toEqual(['who-am-i: may send to ledger.ingest but does not declare it']);
  });

  it('reports more than sqs:SendMessage on another service\'s queue', () => {
    expect(mismatchesAfter(sendToLedger(['sqs:SendMessage', 'sqs:PurgeQueue']))).toContainEqual(
      "who-am-i: may sqs:PurgeQueue, sqs:SendMessage on another service's queue; only sqs:SendMessage is ever granted",
    );
  });

  it('reports a queue URL variable that is not the one the owner publishes', () => {
    expect(mismatchesAfter((stack) => stack.functionFor('publish-changes').addEnvironment('LEDGER_INGEST_QUEUE_URL', 'https://sqs.us-east-1.amazonaws.com/1/other'))).toEqual([
      'publish-changes: has LEDGER_INGEST_QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/1/other", not the queue URL published in /shoplane/dev/ledger/ingest-queue-url',
    ]);
  });

  it('reports a stream publisher that may reach a queue that is not its own', () => {
    expect(
      mismatchesAfter((stack) => stack.functionFor('publish-changes').addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:us-east-1:1:elsewhere'] }))),
    ).toEqual(['publish-changes: may sqs:SendMessage on "arn:aws:sqs:us-east-1:1:elsewhere", which is none of its own queues']);
  });
});
