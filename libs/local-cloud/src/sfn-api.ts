import type { ServerResponse } from 'node:http';
import { epochSeconds, sendAwsJson, sendAwsJsonError } from './aws-wire.js';
import type { LocalStateMachines } from './state-machines.js';
import { StepFunctionsError } from './task-tokens.js';

type Operation = (input: Record<string, unknown>, response: ServerResponse) => void;

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Step Functions answers errors with the awsJson1_0 shape; the SDK reads the type from `__type`. */
function answering(response: ServerResponse, act: () => unknown): void {
  let result: unknown;
  try {
    result = act();
  } catch (error) {
    if (error instanceof StepFunctionsError) return sendAwsJsonError(response, 400, error.type, error.message);
    throw error;
  }
  sendAwsJson(response, 200, result ?? {}, { 'content-type': 'application/x-amz-json-1.0' });
}

function required(input: Record<string, unknown>, field: string): string {
  const value = text(input[field]);
  if (!value) throw new StepFunctionsError('ValidationException', `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  return value;
}

/**
 * The Step Functions API (awsJson1_0, `X-Amz-Target: AWSStepFunctions.<Operation>`) for the
 * local state machines, so @aws-sdk/client-sfn works unchanged: the start-checkout function
 * starts executions with it, payments reports outcomes with SendTaskSuccess/-Failure.
 */
export function stepFunctionsOperations(machines: LocalStateMachines): Record<string, Operation> {
  return {
    'AWSStepFunctions.StartExecution': (input, response) =>
      answering(response, () => {
        const started = machines.start({ stateMachineArn: required(input, 'stateMachineArn'), name: text(input.name), input: text(input.input) });
        return { executionArn: started.executionArn, startDate: epochSeconds(started.startDate) };
      }),
    'AWSStepFunctions.DescribeExecution': (input, response) =>
      answering(response, () => {
        const { states: _states, startDate, stopDate, output, ...execution } = machines.describe(required(input, 'executionArn'));
        return {
          ...execution,
          startDate: epochSeconds(startDate),
          ...(stopDate ? { stopDate: epochSeconds(stopDate) } : {}),
          inputDetails: { included: true },
          ...(output === undefined ? {} : { output, outputDetails: { included: true } }),
          redriveCount: 0,
        };
      }),
    'AWSStepFunctions.StopExecution': (input, response) =>
      answering(response, () => ({ stopDate: epochSeconds(machines.stopExecution(required(input, 'executionArn')).stopDate) })),
    'AWSStepFunctions.SendTaskSuccess': (input, response) =>
      answering(response, () => machines.sendTaskSuccess(required(input, 'taskToken'), required(input, 'output'))),
    'AWSStepFunctions.SendTaskFailure': (input, response) =>
      answering(response, () => machines.sendTaskFailure(required(input, 'taskToken'), text(input.error) ?? '', text(input.cause) ?? '')),
    'AWSStepFunctions.SendTaskHeartbeat': (input, response) => answering(response, () => machines.sendTaskHeartbeat(required(input, 'taskToken'))),
  };
}
