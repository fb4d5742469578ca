import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { QueueWithDeadLetter } from './queues.js';

/** Every alarm looks at five-minute periods: short enough to page on, long enough not to flap. */
export const alarmPeriod = Duration.minutes(5);

/**
 * A message this old in a queue drained by Lambda means its consumer is stuck or
 * failing: a message that merely fails is retried five times, a visibility timeout
 * (one minute for our functions) apart, and reaches the dead-letter queue in about
 * five minutes. Fifteen minutes is well past that.
 */
export const oldestMessageAgeThreshold = Duration.minutes(15);

export interface OperationalAlarmsProps {
  stage: string;
  /** The service or orchestrator: every alarm name starts `shoplane-<stage>-<unit>-`. */
  unit: string;
  /** The stage's alarm topic (the platform's, found through SSM). */
  topic: ITopic;
}

interface AlarmSpec {
  /** Appended to `shoplane-<stage>-<unit>-`. */
  name: string;
  description: string;
  metric: IMetric;
  threshold: number;
  /** Consecutive periods at or over the threshold before it fires; one unless said. */
  evaluationPeriods?: number;
}

/**
 * The alarms of one stack, each telling the stage's alarm topic when it fires and
 * when it clears. Every alarm is "at least `threshold` in one five-minute period";
 * a period with no data (a function nobody called, a queue that was empty) is fine.
 */
export class OperationalAlarms extends Construct {
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: OperationalAlarmsProps,
  ) {
    super(scope, id);
    this.action = new SnsAction(props.topic);
  }

  /**
   * Errors and throttles of a function. Handlers answer every expected failure
   * themselves (problem+json, partial batch failures), so a function error is an
   * unexpected one, or an internal operation asking its caller to retry (contention);
   * either is worth a look. A throttle means the account's or function's concurrency ran out.
   */
  watchFunction(handler: string, fn: IFunction): void {
    this.add({
      name: `${handler}-errors`,
      description: `${this.props.unit}'s ${handler} function failed (an invocation ended in an error).`,
      metric: fn.metricErrors({ period: alarmPeriod, statistic: 'Sum' }),
      threshold: 1,
    });
    this.add({
      name: `${handler}-throttles`,
      description: `${this.props.unit}'s ${handler} function was throttled (no concurrency left).`,
      metric: fn.metricThrottles({ period: alarmPeriod, statistic: 'Sum' }),
      threshold: 1,
    });
  }

  /** A queue and its dead-letter queue: the age of its oldest message, and anything dead-lettered. */
  watchQueue(name: string, queue: QueueWithDeadLetter): void {
    this.watchQueueAge(name, queue.queue);
    this.watchDeadLetters(name, queue.deadLetterQueue);
  }

  /** A queue whose oldest message waits too long: its consumer is not keeping up or not running. */
  watchQueueAge(name: string, queue: IQueue): void {
    this.add({
      name: `${name}-oldest-message`,
      description: `A message in ${queue.queueName} has waited over ${oldestMessageAgeThreshold.toMinutes()} minutes: its consumer is stuck or failing.`,
      metric: queue.metricApproximateAgeOfOldestMessage({ period: alarmPeriod, statistic: 'Maximum' }),
      threshold: oldestMessageAgeThreshold.toSeconds(),
    });
  }

  /** A dead-letter queue holding anything: a message failed for good and waits for a person (inspect, fix, redrive). */
  watchDeadLetters(name: string, queue: IQueue): void {
    this.add({
      name: `${name}-dead-letters`,
      description: `${queue.queueName} holds a message that failed every delivery; inspect it and redrive it once the cause is fixed.`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: alarmPeriod, statistic: 'Maximum' }),
      threshold: 1,
    });
  }

  /**
   * Executions that ended abnormally. A saga that compensates ends in success (the
   * order is FAILED, nothing held); FAILED means compensation itself failed or the
   * order could not be failed, TIMED_OUT a step that never answered, ABORTED an
   * operator's StopExecution. The backstop compensates each, and a person looks.
   */
  watchStateMachine(name: string, stateMachine: IStateMachine): void {
    const options = { period: alarmPeriod, statistic: 'Sum' };
    this.add({ name: 'executions-failed', description: `A ${name} execution FAILED: its compensation could not finish.`, metric: stateMachine.metricFailed(options), threshold: 1 });
    this.add({ name: 'executions-timed-out', description: `A ${name} execution TIMED_OUT.`, metric: stateMachine.metricTimedOut(options), threshold: 1 });
    this.add({ name: 'executions-aborted', description: `A ${name} execution was ABORTED (StopExecution).`, metric: stateMachine.metricAborted(options), threshold: 1 });
  }

  /** Any other alarm of the stack, with the same naming, period semantics and actions. */
  add(spec: AlarmSpec): Alarm {
    const alarm = new Alarm(this, spec.name, {
      alarmName: `shoplane-${this.props.stage}-${this.props.unit}-${spec.name}`,
      alarmDescription: spec.description,
      metric: spec.metric,
      threshold: spec.threshold,
      evaluationPeriods: spec.evaluationPeriods ?? 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }
}
