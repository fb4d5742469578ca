import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { ScheduleRate } from '@shoplane/manifest';
import { Construct } from 'constructs';

export interface ScheduledRunProps {
  every: ScheduleRate;
  handler: LambdaFunction;
}

/**
 * Runs the handler on a fixed rate: an EventBridge rule on the account's default bus
 * (schedules live there) invoking the function asynchronously. No dead-letter queue: a
 * missed run loses no work, the next one finds it; a failing run shows in the function's
 * error alarm. A run older than one period is dropped rather than stacked behind the next.
 */
export class ScheduledRun extends Construct {
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ScheduledRunProps) {
    super(scope, id);
    const period = Duration.minutes(props.every.minutes);
    this.rule = new Rule(this, 'Rule', {
      schedule: Schedule.rate(period),
      targets: [new LambdaTarget(props.handler, { retryAttempts: 2, maxEventAge: period.toSeconds() < 60 ? Duration.minutes(1) : period })],
    });
  }
}
