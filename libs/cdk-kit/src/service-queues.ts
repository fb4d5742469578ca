import { parseQueueKey, queueParameterName, queueUrlVariable } from '@shoplane/manifest';
import { Rule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { QueueWithDeadLetter, type QueueWithDeadLetterProps } from './queues.js';
import { drainInBatches, visibilityTimeoutFor } from './subscriptions.js';

export interface ServiceQueueProps {
  stage: string;
  service: string;
  /** The manifest's queue name: senders know it as `<service>.<name>`. */
  name: string;
  handler: LambdaFunction;
  eventBus: IEventBus;
  /** Domain events the platform bus routes into the queue as well; none when absent. */
  eventTypes?: string[];
  /** The queue's physical names, from `unitQueueName` / `deadLetterQueueName`. */
  queueNames: Pick<QueueWithDeadLetterProps, 'queueName' | 'deadLetterQueueName'>;
}

/**
 * A queue of the service's own that other services may send to (a manifest
 * `queues` entry): encrypted, TLS-only, with a dead-letter queue, drained by its
 * handler in batches with partial batch responses, optionally fed by a rule on
 * the platform bus. Its URL and ARN are published in SSM
 * (`/shoplane/<stage>/<service>/<name>-queue-url`, `-queue-arn`), where senders'
 * stacks read them at deploy time: no stack export ties them to this one.
 */
export class ServiceQueue extends Construct {
  readonly queue: QueueWithDeadLetter;

  constructor(scope: Construct, id: string, props: ServiceQueueProps) {
    super(scope, id);
    const queue = { service: props.service, name: props.name };
    this.queue = new QueueWithDeadLetter(this, 'Inbox', { ...props.queueNames, visibilityTimeout: visibilityTimeoutFor(props.handler) });
    if (props.eventTypes?.length) {
      new Rule(this, 'Rule', {
        eventBus: props.eventBus,
        eventPattern: { detailType: props.eventTypes },
        targets: [new SqsQueue(this.queue.queue, { deadLetterQueue: this.queue.deadLetterQueue })],
      });
    }
    drainInBatches(props.handler, this.queue);
    new StringParameter(this, 'UrlParameter', {
      parameterName: queueParameterName(props.stage, queue, 'url'),
      stringValue: this.queue.queue.queueUrl,
      description: `URL of ${props.service}.${props.name}, a queue other services may send to (when they declare it in sendsTo).`,
    });
    new StringParameter(this, 'ArnParameter', {
      parameterName: queueParameterName(props.stage, queue, 'arn'),
      stringValue: this.queue.queue.queueArn,
      description: `ARN of ${props.service}.${props.name}, for the senders' sqs:SendMessage grant.`,
    });
  }
}

/**
 * Lets the functions that declared it send to another service's queue: its URL
 * comes from the owner's SSM parameter and reaches the code as
 * `<SERVICE>_<NAME>_QUEUE_URL`; the only permission is sqs:SendMessage on that
 * one queue's ARN (from the owner's other parameter).
 */
export function allowSending(scope: Construct, props: { stage: string; target: string; functions: LambdaFunction[] }): void {
  const queue = parseQueueKey(props.target);
  const url = StringParameter.valueForStringParameter(scope, queueParameterName(props.stage, queue, 'url'));
  const arn = StringParameter.valueForStringParameter(scope, queueParameterName(props.stage, queue, 'arn'));
  for (const fn of props.functions) {
    fn.addEnvironment(queueUrlVariable(props.target), url);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [arn] }));
  }
}
