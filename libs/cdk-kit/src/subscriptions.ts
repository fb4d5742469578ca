import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, type EventPattern, type IEventBus } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { StartingPosition, type Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeNagFinding } from './nag.js';
import { QueueWithDeadLetter, type QueueWithDeadLetterProps } from './queues.js';

/** AWS guidance: a Lambda source queue's visibility timeout is at least six times the function timeout. */
export function visibilityTimeoutFor(fn: LambdaFunction): Duration {
  const functionSeconds = fn.timeout?.toSeconds() ?? 3;
  return Duration.seconds(Math.max(30, functionSeconds * 6));
}

export interface EventSubscriptionProps {
  /** The inbox's physical names, from `unitQueueName` / `deadLetterQueueName`. */
  queueNames: Pick<QueueWithDeadLetterProps, 'queueName' | 'deadLetterQueueName'>;
  eventBus: IEventBus;
  eventTypes: string[];
  handler: LambdaFunction;
  /**
   * Further conditions on the events (source, detail fields), for events that are not
   * ours alone — e.g. Step Functions status changes on the default bus.
   */
  eventPattern?: Omit<EventPattern, 'detailType'>;
}

/**
 * Domain events of the given types, routed from the platform bus into a queue
 * the handler drains in batches. The queue absorbs bursts and retries; a
 * message that keeps failing (or that EventBridge cannot deliver) lands in the
 * dead-letter queue instead of being lost.
 */
export class EventSubscription extends Construct {
  readonly queue: QueueWithDeadLetter;

  constructor(scope: Construct, id: string, props: EventSubscriptionProps) {
    super(scope, id);
    this.queue = new QueueWithDeadLetter(this, 'Inbox', { ...props.queueNames, visibilityTimeout: visibilityTimeoutFor(props.handler) });
    new Rule(this, 'Rule', {
      eventBus: props.eventBus,
      eventPattern: { ...props.eventPattern, detailType: props.eventTypes },
      targets: [new SqsQueue(this.queue.queue, { deadLetterQueue: this.queue.deadLetterQueue })],
    });
    drainInBatches(props.handler, this.queue);
  }
}

/** The handler takes the queue's messages ten at a time and reports the ones it failed. */
export function drainInBatches(handler: LambdaFunction, queue: QueueWithDeadLetter): void {
  // Handlers answer with batchItemFailures, so one bad message does not replay the whole batch.
  handler.addEventSource(new SqsEventSource(queue.queue, { batchSize: 10, reportBatchItemFailures: true }));
}

/**
 * The table's change stream feeding its handler. A failing batch is split in
 * halves to isolate the bad record, and records that still fail after the
 * retries are described in an on-failure queue rather than blocking the shard.
 */
export class TableStreamConsumer extends Construct {
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: { table: TableV2; handler: LambdaFunction; failuresQueueName: string }) {
    super(scope, id);
    this.failures = new Queue(this, 'Failures', {
      queueName: props.failuresQueueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledgeNagFinding(
      this.failures,
      'AwsSolutions-SQS3',
      'This queue is itself the on-failure destination of the table stream; a dead-letter queue for it would have no consumer.',
    );
    props.handler.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.failures),
      }),
    );
  }
}
