import { deadLetterQueueName, unitQueueName } from '@shoplane/manifest';
import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The physical names of a unit's queue and its dead-letter queue (`serviceQueues` / `orchestratorQueues` name them). */
export function queueNamesOf(stage: string, unit: string, queue: string): Pick<QueueWithDeadLetterProps, 'queueName' | 'deadLetterQueueName'> {
  return { queueName: unitQueueName(stage, unit, { name: queue }), deadLetterQueueName: deadLetterQueueName(stage, unit, { name: queue }) };
}

export interface QueueWithDeadLetterProps {
  /** Physical name (`unitQueueName`); the dead-letter queue's is `deadLetterQueueName`, so alarms and the dashboard find both. */
  queueName: string;
  deadLetterQueueName: string;
  /** Must be at least six times the consumer's timeout (AWS guidance for Lambda event sources). */
  visibilityTimeout: Duration;
  /** Deliveries before a message moves to the dead-letter queue. */
  maxReceiveCount?: number;
}

/**
 * An encrypted, TLS-only queue whose poison messages move to an equally
 * protected dead-letter queue, kept 14 days for inspection and redrive.
 */
export class QueueWithDeadLetter extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: QueueWithDeadLetterProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetter', {
      queueName: props.deadLetterQueueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Queue', {
      queueName: props.queueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });
  }
}
