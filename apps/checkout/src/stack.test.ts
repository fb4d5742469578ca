import {
  actionsOf,
  alarmMismatches,
  environmentOfFunction,
  functionsWithoutRetainedLogs,
  referencesIn,
  resourcesOfStatement,
  roleOfFunction,
  ssmParametersOf,
  statementsOfRole,
  unacknowledgedNagFindings,
  unusedNagAcknowledgements,
} from '@shoplane/cdk-kit';
import { functionName, internalOperationVariable, orchestratorHandlers, orchestratorQueues, platformVariables } from '@shoplane/manifest';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaServiceErrors } from './state-machine/tasks.js';
import { orchestrator } from './service.js';
import { firstBranchPath, synthesizeCheckoutForTest, validateAsl, type Asl, type AslState, type SynthesizedCheckout } from './test-support.js';

const ssmFunction = (operation: string) => `arn:aws:lambda:us-east-1:123456789012:function:ssm_shoplane_dev_${operation.replace('.', '_')}`;
const forwardTasks = ['ValidateOrder', 'ReserveStock', 'BeginPayment', 'ProcessPayment', 'UpdateInventory', 'ConfirmOrder'];
const compensationTasks = ['FailOrder', 'ReleaseReservation', 'RefundPayment'];
const lambdaTasks = [...forwardTasks, ...compensationTasks];

let checkout: SynthesizedCheckout;
let definition: Asl;
const state = (name: string): AslState => {
  const found = definition.States[name];
  if (!found) throw new Error(`No state ${name}`);
  return found;
};
const statementsOf = (handler: string) => statementsOfRole(checkout.template, roleOfFunction(checkout.template, functionName('dev', 'checkout', handler)));
/** The internal operations (`<service>.<name>`) a function may invoke, read from the SSM parameters its grants name. */
const operationsInvokedBy = (handler: string) => {
  const parameters = ssmParametersOf(checkout.template);
  return statementsOf(handler)
    .filter((statement) => actionsOf(statement).includes('lambda:InvokeFunction'))
    .flatMap(resourcesOfStatement)
    .flatMap(referencesIn)
    .flatMap((reference) => /^\/shoplane\/dev\/([^/]+)\/([^/]+)$/.exec(parameters.get(reference) ?? '')?.slice(1, 3).join('.') ?? [])
    .sort();
};
/** The function a Lambda Task invokes: its Resource (request/response) or Parameters.FunctionName (task token). */
const invokedBy = (name: string) => {
  const task = state(name);
  return task.Resource?.startsWith('arn:aws:lambda:') ? task.Resource : task.Parameters?.['FunctionName'];
};

beforeAll(() => {
  checkout = synthesizeCheckoutForTest();
  definition = checkout.definition;
});

describe('checkout stack', () => {
  it('is the stack shoplane-dev-checkout and owns no table', () => {
    expect(checkout.stack.stackName).toBe('shoplane-dev-checkout');
    checkout.template.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
  });

  it('deploys one Standard state machine with an execution timeout, X-Ray and logs without execution data', () => {
    checkout.template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    checkout.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'shoplane-dev-checkout',
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
    });
    expect(definition.TimeoutSeconds).toBe(3600);
  });

  it('synthesizes a definition asl-validator accepts', () => {
    const { isValid, errors } = validateAsl(definition);

    expect(errors).toBe('');
    expect(isValid).toBe(true);
  });

  it('runs the saga in order when every step answers', () => {
    expect(firstBranchPath(definition)).toEqual([
      'ValidateOrder', 'CheckOrderValid', 'ReserveStock', 'CheckStockReserved', 'BeginPayment', 'CheckPaymentBegun', 'ProcessPayment',
      'CheckPaymentCaptured', 'UpdateInventory', 'CheckInventoryCommitted', 'ConfirmOrder', 'CheckOrderConfirmed', 'SendNotification', 'EmitAnalytics', 'OrderConfirmed',
    ]);
  });

  it.each([
    ['ValidateOrder', 'orders.validateOrder'],
    ['ReserveStock', 'inventory.reserveStock'],
    ['BeginPayment', 'orders.beginPayment'],
    ['ProcessPayment', 'payments.processPayment'],
    ['UpdateInventory', 'inventory.commitReservation'],
    ['ConfirmOrder', 'orders.confirmOrder'],
    ['SendNotification', 'notifications.sendNotification'],
    ['SendFailureNotification', 'notifications.sendNotification'],
    ['FailOrder', 'orders.failOrder'],
    ['ReleaseReservation', 'inventory.releaseReservation'],
    ['RefundPayment', 'payments.refundPayment'],
  ])('%s invokes the function %s publishes in SSM', (task, operation) => {
    expect(invokedBy(task)).toBe(ssmFunction(operation));
  });

  it('uses no CloudFormation export', () => {
    expect(JSON.stringify(checkout.template.toJSON())).not.toContain('Fn::ImportValue');
  });

  it.each(lambdaTasks)('%s retries Lambda service errors and function errors with exponential backoff and full jitter', (name) => {
    const retriers = state(name).Retry ?? [];

    expect(retriers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ErrorEquals: lambdaServiceErrors, BackoffRate: 2, JitterStrategy: 'FULL', MaxAttempts: 6 }),
        expect.objectContaining({ ErrorEquals: expect.arrayContaining(['States.TaskFailed']), BackoffRate: 2, JitterStrategy: 'FULL', MaxAttempts: 3 }),
      ]),
    );
  });

  it.each(forwardTasks)('%s catches every error that outlasts its retries into compensation', (name) => {
    const catchers = state(name).Catch ?? [];

    expect(catchers.at(-1)).toMatchObject({ ErrorEquals: ['States.ALL'], ResultPath: '$.error' });
  });

  it('waits for payments with a task token, for the payment timeout, and never retries a timeout or a reported outcome', () => {
    const payment = state('ProcessPayment');

    expect(payment.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(payment.Parameters?.['Payload']).toMatchObject({ 'taskToken.$': '$$.Task.Token', 'orderId.$': '$.orderId' });
    expect(payment.TimeoutSeconds).toBe(900);
    expect(payment.Retry?.[0]).toEqual({ ErrorEquals: expect.arrayContaining(['payment-declined', 'insufficient-funds']), MaxAttempts: 0 });
    expect(payment.Retry?.flatMap((retrier) => retrier.ErrorEquals)).not.toContain('States.Timeout');
    expect(payment.Catch?.[0]).toEqual({ ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'PaymentTimedOut' });
  });

  it('takes the payment timeout from context', () => {
    const shortened = synthesizeCheckoutForTest({ paymentTimeoutSeconds: 5 });

    expect(shortened.definition.States['ProcessPayment']?.TimeoutSeconds).toBe(5);
  });

  it.each([
    ['OrderInvalid', { reason: 'invalid-order', reserved: false, paymentAttempted: false }],
    ['OutOfStock', { reason: 'out-of-stock', reserved: false, paymentAttempted: false }],
    ['ReserveStockFailed', { reason: 'internal-error', reserved: true, paymentAttempted: false }],
    ['PaymentDeclined', { reason: 'payment-declined', reserved: true, paymentAttempted: true }],
    ['PaymentTimedOut', { reason: 'payment-timeout', reserved: true, paymentAttempted: true }],
    ['PaymentUnavailable', { reason: 'payment-unavailable', reserved: true, paymentAttempted: true }],
  ])('records why and what to undo in %s, then fails the order first', (name, failure) => {
    expect(state(name)).toMatchObject({ Type: 'Pass', ResultPath: '$.failure', Parameters: failure, Next: 'FailOrder' });
  });

  it('undoes nothing when orders refuses to fail the order, and ends FAILED when a compensation step keeps failing', () => {
    expect(state('CheckOrderFailed')).toMatchObject({ Default: 'OrderNotFailed' });
    expect(state('OrderNotFailed').Type).toBe('Fail');
    expect(state('FailOrder').Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.compensationError', Next: 'CompensationIncomplete' }]);
    expect(state('CompensationIncomplete').Type).toBe('Fail');
  });

  it('emits CheckoutCompleted on the platform bus with an event id derived from the order', () => {
    const emit = state('EmitAnalytics');
    const [entry] = emit.Parameters?.['Entries'] as Array<Record<string, unknown>>;

    expect(emit.Resource).toBe('arn:aws:states:::events:putEvents');
    expect(entry).toMatchObject({
      DetailType: 'CheckoutCompleted',
      Source: 'shoplane.checkout',
      EventBusName: 'arn:aws:events:us-east-1:123456789012:event-bus/ssm_shoplane_dev_platform_event-bus-name',
    });
    expect(entry?.['Detail']).toMatchObject({ eventType: 'CheckoutCompleted', 'eventId.$': expect.stringContaining('$.orderId') });
    expect(emit.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: null, Next: 'OrderConfirmed' }]);
  });

  it('lets the state machine invoke exactly the functions its Tasks name, and put events on the platform bus only', () => {
    const roleId = checkout.logicalIdOf('AWS::IAM::Role', (properties) => JSON.stringify(properties).includes('states.amazonaws.com'));
    const statements = statementsOfRole(checkout.template, roleId);
    const invokable = statements.filter((statement) => actionsOf(statement).includes('lambda:InvokeFunction')).flatMap(resourcesOfStatement);
    const parameterOf = (resource: unknown) => /"Ref":"(SsmParameterValue[^"]+)"/.exec(JSON.stringify(resource))?.[1];
    const parameters = checkout.template.toJSON() as { Parameters: Record<string, { Default: string }> };

    const invokedOperations = new Set(invokable.map((resource) => parameters.Parameters[parameterOf(resource) ?? '']?.Default));
    expect([...invokedOperations].sort()).toEqual(orchestrator.stateMachine.invokes.map((key) => `/shoplane/dev/${key.replace('.', '/')}`).sort());
    const buses = statements.filter((statement) => actionsOf(statement).includes('events:PutEvents')).flatMap(resourcesOfStatement);
    expect(buses.map((bus) => parameters.Parameters[parameterOf(bus) ?? '']?.Default)).toEqual(['/shoplane/dev/platform/event-bus-name']);
    expect(new Set(statements.flatMap(actionsOf).filter((action) => !/^(logs|xray):/.test(action)))).toEqual(new Set(['events:PutEvents', 'lambda:InvokeFunction']));
  });

  it('routes OrderCreated from the platform bus into a queue with a dead-letter queue, drained by start-checkout', () => {
    checkout.template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: Match.stringLikeRegexp('SsmParameterValue.*eventbusname') },
      EventPattern: { 'detail-type': ['OrderCreated'] },
    });
    checkout.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: checkout.logicalIdOf('AWS::Lambda::Function', (properties) => properties['FunctionName'] === functionName('dev', 'checkout', 'start-checkout')) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('lets start-checkout start executions of this state machine only, which it finds in its environment', () => {
    const machineId = checkout.logicalIdOf('AWS::StepFunctions::StateMachine');
    const role = roleOfFunction(checkout.template, functionName('dev', 'checkout', 'start-checkout'));
    const starts = statementsOfRole(checkout.template, role).filter((statement) => actionsOf(statement).includes('states:StartExecution'));

    expect(starts.flatMap(resourcesOfStatement)).toEqual([{ Ref: machineId }]);
    checkout.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: functionName('dev', 'checkout', 'start-checkout'),
      Environment: { Variables: Match.objectLike({ CHECKOUT_STATE_MACHINE_ARN: { Ref: machineId } }) },
    });
  });

  it('feeds this state machine\'s failed, timed-out and aborted executions from the default bus to the backstop', () => {
    checkout.template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: 'default',
      EventPattern: {
        source: ['aws.states'],
        'detail-type': ['Step Functions Execution Status Change'],
        detail: { stateMachineArn: [{ Ref: checkout.logicalIdOf('AWS::StepFunctions::StateMachine') }], status: ['FAILED', 'TIMED_OUT', 'ABORTED'] },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('OnExecutionEndedSubscriptionInbox'), 'Arn'] } })],
    });
  });

  it('lets the backstop invoke exactly failOrder, releaseReservation and refundPayment', () => {
    expect(operationsInvokedBy('on-execution-ended')).toEqual(['inventory.releaseReservation', 'orders.failOrder', 'payments.refundPayment']);
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
    expect(unacknowledgedNagFindings(checkout.stack)).toEqual([]);
  });

  it('acknowledges no cdk-nag finding that does not occur', () => {
    expect(unusedNagAcknowledgements(checkout.stack)).toEqual([]);
  });
});

describe('checkout alarms', () => {
  const topic = Match.objectLike({ Ref: Match.stringLikeRegexp('SsmParameterValue.*alarmtopicarn') });

  it.each([
    ['ExecutionsFailed', 'executions-failed'],
    ['ExecutionsTimedOut', 'executions-timed-out'],
    ['ExecutionsAborted', 'executions-aborted'],
  ])('tells the alarm topic of %s executions of the state machine', (metricName, name) => {
    checkout.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `shoplane-dev-checkout-${name}`,
      Namespace: 'AWS/States',
      MetricName: metricName,
      Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: Match.stringLikeRegexp('^Checkout[0-9A-F]{8}$') } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
      OKActions: [topic],
    });
  });

  it("alarms on every function's errors and throttles, each inbox's oldest message and each dead-letter queue", () => {
    const functionNames = orchestratorHandlers(orchestrator).map((handler) => functionName('dev', 'checkout', handler));

    expect(alarmMismatches(checkout.template, { stage: 'dev', unit: 'checkout', functionNames, queues: orchestratorQueues(orchestrator) })).toEqual([]);
  });

  it("gives every function, CDK's own included, a log group with a retention", () => {
    expect(functionsWithoutRetainedLogs(checkout.template)).toEqual([]);
  });
});

describe('checkout functions, each granted exactly what the orchestrator declares for it', () => {
  const handlers = orchestratorHandlers(orchestrator);
  const starts = (handler: string) => orchestrator.stateMachine.startedBy.includes(handler);
  /** The queue a function's event source mapping drains: its subscription's inbox. */
  const inboxOf = (handler: string) => {
    const functionId = checkout.logicalIdOf('AWS::Lambda::Function', (properties) => properties['FunctionName'] === functionName('dev', 'checkout', handler));
    const mapping = checkout.logicalIdOf('AWS::Lambda::EventSourceMapping', (properties) => JSON.stringify(properties['FunctionName']) === JSON.stringify({ Ref: functionId }));
    return (checkout.template.toJSON() as { Resources: Record<string, { Properties: { EventSourceArn: unknown } }> }).Resources[mapping]?.Properties.EventSourceArn;
  };

  it.each(handlers)('lets %s invoke exactly the operations the orchestrator lists for it', (handler) => {
    expect(operationsInvokedBy(handler)).toEqual([...(orchestrator.invokes?.[handler] ?? [])].sort());
  });

  it.each(handlers)('lets %s start executions of this state machine only if it is a starter', (handler) => {
    const started = statementsOf(handler).filter((statement) => actionsOf(statement).includes('states:StartExecution'));

    expect(started.flatMap(resourcesOfStatement)).toEqual(starts(handler) ? [{ Ref: checkout.logicalIdOf('AWS::StepFunctions::StateMachine') }] : []);
  });

  it.each(handlers)('lets %s otherwise only log, trace and consume its own inbox', (handler) => {
    const statements = statementsOf(handler);
    const granted = ['lambda:InvokeFunction', 'states:StartExecution'];

    expect(statements.flatMap(actionsOf).filter((action) => !/^(logs|xray|sqs):/.test(action) && !granted.includes(action))).toEqual([]);
    expect(statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('sqs:'))).flatMap(resourcesOfStatement)).toEqual([inboxOf(handler)]);
  });

  it.each(handlers)('gives %s exactly the environment its grants need', (handler) => {
    const expected = [
      'NODE_OPTIONS',
      'POWERTOOLS_SERVICE_NAME',
      'POWERTOOLS_METRICS_NAMESPACE',
      platformVariables.stage,
      ...(orchestrator.invokes?.[handler] ?? []).map(internalOperationVariable),
      ...(starts(handler) ? [orchestrator.stateMachine.arnVariable] : []),
    ];

    expect(Object.keys(environmentOfFunction(checkout.template, functionName('dev', 'checkout', handler))).sort()).toEqual(expected.sort());
  });
});

describe('the customer is told how the order ended', () => {
  it('after the order is confirmed, and a notification that fails still ends in OrderConfirmed', () => {
    const send = state('SendNotification');

    expect(send.Next).toBe('EmitAnalytics');
    expect(send.Catch?.map((handler) => [handler.ErrorEquals, handler.Next])).toEqual([[['States.ALL'], 'EmitAnalytics']]);
    expect(send.Parameters).toMatchObject({
      template: 'order-confirmation',
      type: 'EMAIL',
      'orderId.$': '$.orderId',
      order: { 'lines.$': '$.confirmation.result.lines', 'total.$': '$.confirmation.result.total' },
    });
  });

  it('after a failed order (not a cancelled or never validated one), without changing its outcome', () => {
    const choice = JSON.stringify(state('ShouldNotifyFailure'));
    const send = state('SendFailureNotification');

    expect(choice).toContain('$.failed.result.status');
    expect(choice).toContain('$.order.result.userId');
    expect(send.Next).toBe('OrderFailed');
    expect(send.Catch?.map((handler) => handler.Next)).toEqual(['OrderFailed']);
  });
});
