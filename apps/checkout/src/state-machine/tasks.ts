import type { InternalOperation } from '@shoplane/contracts';
import { OrderFailureReason } from '@shoplane/contracts';
import { Duration } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { IntegrationPattern, JitterType, JsonPath, TaskInput, Timeout, type TaskStateBase } from 'aws-cdk-lib/aws-stepfunctions';
import { EventBridgePutEvents, LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import type { OperationFunctions } from './operation-functions.js';
import { statePath } from './state.js';

/** Errors of the Lambda service itself (not of the function): always worth retrying. */
export const lambdaServiceErrors = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.ClientExecutionTimeoutException',
];

/**
 * Every internal operation answers a refusal as `{ ok: false, problem }`; only a transient
 * failure throws (FunctionError). So any Task failure is worth retrying, with exponential
 * backoff and full jitter so that a burst of orders does not retry in lockstep.
 */
function retryTransientFailures(task: TaskStateBase, options: { retryTimeouts: boolean }): void {
  task.addRetry({
    errors: lambdaServiceErrors,
    interval: Duration.seconds(1),
    backoffRate: 2,
    maxAttempts: 6,
    maxDelay: Duration.seconds(20),
    jitterStrategy: JitterType.FULL,
  });
  task.addRetry({
    errors: ['States.TaskFailed', ...(options.retryTimeouts ? ['States.Timeout'] : [])],
    interval: Duration.seconds(1),
    backoffRate: 2,
    maxAttempts: 3,
    maxDelay: Duration.seconds(10),
    jitterStrategy: JitterType.FULL,
  });
}

/** One attempt of a request/response Task; the functions themselves give up after 10 s. */
const invocationTimeout = Timeout.duration(Duration.seconds(30));

export interface OperationTaskProps {
  operation: InternalOperation;
  payload: Record<string, unknown>;
  /** Where the answer (`{ ok, result | problem }`) goes in the state. */
  resultPath: string;
}

/**
 * Every operation gets the execution's correlation id beside its input (lambda-kit's
 * internalHandler logs it and strips it before validating), so one id follows the order
 * from `POST /orders` through every step's logs and events.
 */
function withCorrelationId(payload: Record<string, unknown>): TaskInput {
  return TaskInput.fromObject({ ...payload, correlationId: JsonPath.stringAt(statePath('correlationId')) });
}

/**
 * A Task invoking another service's internal operation. Its answer is stored as is
 * (`payloadResponseOnly`), so `$.<resultPath>.ok` tells a result from a refusal. The
 * operations are idempotent, so an attempt that timed out is retried too.
 */
export function operationTask(scope: Construct, id: string, functions: OperationFunctions, props: OperationTaskProps): LambdaInvoke {
  const task = new LambdaInvoke(scope, id, {
    lambdaFunction: functions.of(props.operation),
    payload: withCorrelationId(props.payload),
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    resultPath: props.resultPath,
    taskTimeout: invocationTimeout,
  });
  retryTransientFailures(task, { retryTimeouts: true });
  return task;
}

/** Errors payments may report with SendTaskFailure: a final outcome, never retried. */
export const paymentOutcomeErrors: string[] = OrderFailureReason.options;

/**
 * The payment Task: invokes processPayment with the task token and waits until payments
 * reports the outcome (SendTaskSuccess with processPayment's output), at once for a
 * synchronous result or from the provider's webhook for one the customer approves later.
 * Invoking it again is safe (payments charges once per order), but waiting longer than
 * `timeout` is not: that is a payment timeout, compensated, never retried.
 */
export function paymentTask(
  scope: Construct,
  id: string,
  functions: OperationFunctions,
  props: OperationTaskProps & { timeout: Duration },
): LambdaInvoke {
  const task = new LambdaInvoke(scope, id, {
    lambdaFunction: functions.of(props.operation),
    integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
    payload: withCorrelationId(props.payload),
    retryOnServiceExceptions: false,
    resultPath: props.resultPath,
    taskTimeout: Timeout.duration(props.timeout),
  });
  // Retriers are tried in order and the first match decides: an outcome payments reported is final.
  task.addRetry({ errors: paymentOutcomeErrors, maxAttempts: 0 });
  retryTransientFailures(task, { retryTimeouts: false });
  return task;
}

/** Puts one event on the platform bus; a retried attempt carries the same event id. */
export function putEventTask(
  scope: Construct,
  id: string,
  props: { eventBus: IEventBus; source: string; detailType: string; detail: Record<string, unknown> },
): EventBridgePutEvents {
  const task = new EventBridgePutEvents(scope, id, {
    entries: [{ eventBus: props.eventBus, source: props.source, detailType: props.detailType, detail: TaskInput.fromObject(props.detail) }],
    // The answer (event ids) is of no use to later steps: the state passes through unchanged.
    resultPath: JsonPath.DISCARD,
    taskTimeout: invocationTimeout,
  });
  task.addRetry({
    errors: ['States.TaskFailed', 'States.Timeout'],
    interval: Duration.seconds(1),
    backoffRate: 2,
    maxAttempts: 3,
    jitterStrategy: JitterType.FULL,
  });
  return task;
}
