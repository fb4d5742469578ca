import { deadLetterQueueName, unitQueueName, type UnitQueue } from '@shoplane/manifest';
import type { Template } from 'aws-cdk-lib/assertions';
import { platformParameterName } from './naming.js';
import { referencesIn, ssmParametersOf } from './testing.js';

interface AlarmJson {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: Array<{ Name: string; Value: unknown }>;
  Threshold?: number;
  ComparisonOperator?: string;
  TreatMissingData?: string;
  AlarmActions?: unknown[];
  OKActions?: unknown[];
}

/** What a stack must watch: its functions (by physical name) and its queues (as the manifest lists them). */
export interface WatchedUnit {
  stage: string;
  unit: string;
  functionNames: string[];
  queues: UnitQueue[];
}

function resourcesOfType(template: Template, type: string): Array<[string, Record<string, unknown>]> {
  return Object.entries(template.findResources(type)).map(([id, resource]) => [id, (resource as { Properties?: Record<string, unknown> }).Properties ?? {}]);
}

/** Logical id of the resource of `type` whose `property` is `value`; empty when there is none. */
function logicalIdOf(template: Template, type: string, property: string, value: string): string {
  return resourcesOfType(template, type).find(([, properties]) => properties[property] === value)?.[0] ?? '';
}

/** Whether a template value names the resource: its physical name, or a Ref/GetAtt to its logical id. */
const names = (value: unknown, logicalId: string, physicalName: string) => value === physicalName || (logicalId !== '' && referencesIn(value).includes(logicalId));

/**
 * Every way a stack's alarms fall short of its manifest: each function needs an
 * Errors and a Throttles alarm, each queue with a dead-letter queue an
 * oldest-message-age alarm, and each dead-letter queue (and the stream's failure
 * queue) a depth alarm at one message; all notifying the stage's alarm topic (its
 * ARN read from SSM) when they fire and clear, and quiet when there is no data.
 */
export function alarmMismatches(template: Template, watched: WatchedUnit): string[] {
  const topicParameter = platformParameterName(watched.stage, 'alarmTopicArn');
  const ssm = ssmParametersOf(template);
  const notifiesTopic = (actions: unknown[] | undefined) => referencesIn(actions ?? []).some((reference) => ssm.get(reference) === topicParameter);
  const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(([, properties]) => properties as AlarmJson);
  const found: string[] = [];

  const expectAlarm = (what: string, namespace: string, metricName: string, dimension: string, target: { logicalId: string; physicalName: string }, threshold?: number) => {
    const matching = alarms.filter(
      (alarm) =>
        alarm.Namespace === namespace &&
        alarm.MetricName === metricName &&
        (alarm.Dimensions ?? []).some((entry) => entry.Name === dimension && names(entry.Value, target.logicalId, target.physicalName)),
    );
    if (matching.length === 0) {
      found.push(`${what} has no ${metricName} alarm`);
      return;
    }
    for (const alarm of matching) {
      if (!notifiesTopic(alarm.AlarmActions) || !notifiesTopic(alarm.OKActions)) found.push(`${what}: its ${metricName} alarm does not notify the alarm topic (${topicParameter})`);
      if (alarm.TreatMissingData !== 'notBreaching') found.push(`${what}: its ${metricName} alarm treats missing data as ${alarm.TreatMissingData ?? 'missing'}, not as fine`);
      if (alarm.ComparisonOperator !== 'GreaterThanOrEqualToThreshold' || (threshold !== undefined && alarm.Threshold !== threshold)) {
        found.push(`${what}: its ${metricName} alarm fires on ${alarm.ComparisonOperator} ${alarm.Threshold}, not at ${threshold ?? 'its threshold'} or more`);
      }
    }
  };

  for (const functionName of watched.functionNames) {
    const target = { logicalId: logicalIdOf(template, 'AWS::Lambda::Function', 'FunctionName', functionName), physicalName: functionName };
    expectAlarm(`function ${functionName}`, 'AWS/Lambda', 'Errors', 'FunctionName', target, 1);
    expectAlarm(`function ${functionName}`, 'AWS/Lambda', 'Throttles', 'FunctionName', target, 1);
  }
  for (const queue of watched.queues) {
    const queueName = unitQueueName(watched.stage, watched.unit, queue);
    const target = { logicalId: logicalIdOf(template, 'AWS::SQS::Queue', 'QueueName', queueName), physicalName: queueName };
    if (target.logicalId === '') found.push(`queue ${queueName} is not in the stack`);
    if (!queue.hasDeadLetterQueue) {
      expectAlarm(`queue ${queueName}`, 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', target, 1);
      continue;
    }
    expectAlarm(`queue ${queueName}`, 'AWS/SQS', 'ApproximateAgeOfOldestMessage', 'QueueName', target);
    const deadLetters = deadLetterQueueName(watched.stage, watched.unit, queue);
    const deadLetterTarget = { logicalId: logicalIdOf(template, 'AWS::SQS::Queue', 'QueueName', deadLetters), physicalName: deadLetters };
    if (deadLetterTarget.logicalId === '') found.push(`dead-letter queue ${deadLetters} is not in the stack`);
    expectAlarm(`dead-letter queue ${deadLetters}`, 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', deadLetterTarget, 1);
  }
  const known = watched.queues.flatMap((queue) => [unitQueueName(watched.stage, watched.unit, queue), ...(queue.hasDeadLetterQueue ? [deadLetterQueueName(watched.stage, watched.unit, queue)] : [])]);
  for (const [logicalId, properties] of resourcesOfType(template, 'AWS::SQS::Queue')) {
    if (!known.includes(String(properties['QueueName']))) found.push(`queue ${logicalId} (${JSON.stringify(properties['QueueName'])}) is none the manifest implies, so nothing watches it`);
  }
  return found;
}
